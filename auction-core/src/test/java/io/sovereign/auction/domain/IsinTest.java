package io.sovereign.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsinTest {
    @Test
    void acceptsPublishedIsins() {
        // US Treasury 2.75% 2032 (US91282CFF32) and Apple (US0378331005)
        assertThat(Isin.isValid("US91282CFF32")).isTrue();
        assertThat(Isin.isValid("US0378331005")).isTrue();
        assertThat(Isin.isValid("US0378331006")).isFalse();
        assertThat(Isin.isValid("us0378331005")).isFalse();
    }

    @Test
    void assignsValidIsinsFromASerial() {
        String isin = Isin.assign("XS", 42);
        assertThat(isin).startsWith("XS000000042").hasSize(12);
        assertThat(Isin.isValid(isin)).isTrue();
    }
}
