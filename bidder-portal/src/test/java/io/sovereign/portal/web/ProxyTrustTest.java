package io.sovereign.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProxyTrustTest {

    @Test
    void forwardedHeadersAreHonouredFromNamedProxiesOnly() {
        assertThatCode(() -> ProxyTrust.check(true, Optional.of(List.of("127.0.0.1")))).doesNotThrowAnyException();
        assertThatCode(() -> ProxyTrust.check(true, Optional.of(List.of("10.244.0.0/16", "10.245.0.0/16"))))
                .doesNotThrowAnyException();
        // forwarding off: nothing is trusted, nothing to check
        assertThatCode(() -> ProxyTrust.check(false, Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void anEmptyListOrEveryAddressIsRefused() {
        assertThatThrownBy(() -> ProxyTrust.check(true, Optional.empty()))
                .hasMessageContaining("PORTAL_TRUSTED_PROXIES is empty");
        assertThatThrownBy(() -> ProxyTrust.check(true, Optional.of(List.of(" "))))
                .hasMessageContaining("PORTAL_TRUSTED_PROXIES is empty");
        assertThatThrownBy(() -> ProxyTrust.check(true, Optional.of(List.of("127.0.0.1", "0.0.0.0/0"))))
                .hasMessageContaining("may not be 0.0.0.0/0");
        assertThatThrownBy(() -> ProxyTrust.check(true, Optional.of(List.of("::/0"))))
                .hasMessageContaining("may not be ::/0");
    }

    @Test
    void theConfigurationTrustsLoopbackByDefaultAndOnlyXForwarded() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProxyTrustTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("quarkus.http.proxy.proxy-address-forwarding")).isEqualTo("true");
        assertThat(p.getProperty("quarkus.http.proxy.allow-x-forwarded")).isEqualTo("true");
        assertThat(p.getProperty("quarkus.http.proxy.enable-forwarded-host")).isEqualTo("true");
        // the standard Forwarded header stays off: the ingress sets and overwrites X-Forwarded-* only
        assertThat(p.getProperty("quarkus.http.proxy.allow-forwarded")).isNull();
        assertThat(p.getProperty("quarkus.http.proxy.trusted-proxies")).isEqualTo("${PORTAL_TRUSTED_PROXIES:127.0.0.1}");
        assertThat(p.getProperty("quarkus.oidc.authentication.cookie-force-secure"))
                .isEqualTo("${PORTAL_COOKIE_FORCE_SECURE:false}");
    }
}
