package io.sovereign.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerTest {
    @Test
    void dealerSystemsBidUnderTheirClientId() {
        assertThat(Caller.bidderId("f3c1", "service-account-dealer-01", "dealer-01", null)).isEqualTo("dealer-01");
        assertThat(Caller.bidderId("f3c1", "service-account-dealer-02", "dealer-02", "dealer-02")).isEqualTo("dealer-02");
    }

    @Test
    void peopleBidUnderTheirSubject() {
        assertThat(Caller.bidderId("00000000-0000-4000-8000-000000000006", "retail1", "platform-cli", null))
                .isEqualTo("00000000-0000-4000-8000-000000000006");
    }
}
