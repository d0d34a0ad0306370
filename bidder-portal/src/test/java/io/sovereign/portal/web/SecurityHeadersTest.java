package io.sovereign.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void thePolicyAllowsOnlyThePortalAndKeycloakForForms() {
        assertThat(SecurityHeaders.policy("http://127.0.0.1:8180/realms/sovereign"))
                .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                        + "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                        + "form-action 'self' http://127.0.0.1:8180");
    }

    @Test
    void tokensAreRandomAndComparedWhole() {
        String a = CsrfFilter.newToken();
        assertThat(a).hasSize(43).isNotEqualTo(CsrfFilter.newToken());
        assertThat(CsrfFilter.sameToken(a, a)).isTrue();
        assertThat(CsrfFilter.sameToken(a, a.substring(1))).isFalse();
        assertThat(CsrfFilter.sameToken(a, "")).isFalse();
    }
}
