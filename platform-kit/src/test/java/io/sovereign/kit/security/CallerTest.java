package io.sovereign.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerTest {

    private static final String SUBJECT = "00000000-0000-4000-8000-000000000006";

    @Test
    void dealerSystemsBidUnderTheirClientId() {
        // a client-credentials token: client_id (service_account scope) and azp name the same client
        assertThat(Caller.bidderId("f3c1", "dealer-02", "dealer-02")).isEqualTo("dealer-02");
        assertThat(Caller.isClient("dealer-02", "dealer-02")).isTrue();
    }

    @Test
    void peopleBidUnderTheirSubject() {
        assertThat(Caller.bidderId(SUBJECT, "platform-cli", null)).isEqualTo(SUBJECT);
        assertThat(Caller.isClient("platform-cli", null)).isFalse();
    }

    @Test
    void aPersonNamedLikeAServiceAccountIsAPerson() {
        // registered as service-account-platform-cli, logged in through platform-cli: azp alone proves nothing
        assertThat(Caller.bidderId(SUBJECT, "platform-cli", null)).isEqualTo(SUBJECT);
        assertThat(Caller.isClient("platform-cli", null)).isFalse();
        assertThat(Caller.isClient("bidder-portal", "")).isFalse();
    }

    @Test
    void aClientIdClaimThatIsNotTheTokensClientIsNoMachine() {
        // client_id must name the client the token was issued to
        assertThat(Caller.isClient("platform-cli", "dealer-01")).isFalse();
        assertThat(Caller.bidderId(SUBJECT, "platform-cli", "dealer-01")).isEqualTo(SUBJECT);
        assertThat(Caller.isClient(null, "dealer-01")).isFalse();
    }
}
