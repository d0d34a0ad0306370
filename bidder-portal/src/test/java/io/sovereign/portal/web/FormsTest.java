package io.sovereign.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormsTest {

    @Test
    void aServicesMessageIsWordedForTheFieldsLabel() {
        assertThat(Forms.fieldMessage("Amount", "amount", "amount must be a multiple of 100"))
                .isEqualTo("Amount must be a multiple of 100");
        assertThat(Forms.fieldMessage("Amount", "bids[2].amount", "amount must be a multiple of 100"))
                .isEqualTo("Amount must be a multiple of 100");
        assertThat(Forms.fieldMessage("Kind", "kind", "is required: COMPETITIVE or NONCOMPETITIVE"))
                .isEqualTo("Kind is required: COMPETITIVE or NONCOMPETITIVE");
        assertThat(Forms.fieldMessage("Amount", "amount", "your non-competitive bids would total 12, above the limit 10"))
                .isEqualTo("Amount: your non-competitive bids would total 12, above the limit 10");
    }

    @Test
    void amountsAreWholeNumbers() {
        assertThat(Forms.wholeNumber(" 1,000,000 ")).isEqualTo(1_000_000L);
        assertThat(Forms.wholeNumber("1.5")).isNull();
        assertThat(Forms.wholeNumber("-5")).isNull();
        assertThat(Forms.wholeNumber("")).isNull();
        assertThat(Forms.wholeNumber(null)).isNull();
    }
}
