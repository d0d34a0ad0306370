package io.sovereign.identity.rest;

import io.sovereign.kit.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PUT /api/v1/investors/me. */
public record RegisterInvestorRequest(
        @NotBlank @Size(max = 255) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String legalName,
        @NotBlank String country,
        @NotBlank String walletAddress) {
}
