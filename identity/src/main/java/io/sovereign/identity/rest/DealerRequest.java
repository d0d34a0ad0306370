package io.sovereign.identity.rest;

import io.sovereign.kit.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /api/v1/dealers: the dealer system to create; its client id becomes its bidder id. */
public record DealerRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,39}", message = "must be 3 to 40 lower-case letters, digits or dashes") String clientId,
        @NotBlank @Size(max = 255) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String legalName) {
}
