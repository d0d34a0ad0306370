package io.sovereign.identity.rest;

import io.sovereign.identity.repository.KycStatus;
import io.sovereign.kit.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/v1/investors/{id}/kyc: APPROVED, REJECTED or SUSPENDED, always with a reason. */
public record KycDecisionRequest(@NotNull KycStatus decision, @NotBlank @Size(max = 500) @Pattern(regexp = PlainText.NARRATIVE, message = PlainText.NARRATIVE_MESSAGE) String reason) {
}
