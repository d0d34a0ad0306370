package io.sovereign.kit.outbox;

import io.sovereign.kit.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Why an operator discards a parked event (kept on the row and logged). */
public record DiscardRequest(
        @NotBlank @Size(max = 1000) @Pattern(regexp = PlainText.NARRATIVE, message = PlainText.NARRATIVE_MESSAGE) String reason) {
}
