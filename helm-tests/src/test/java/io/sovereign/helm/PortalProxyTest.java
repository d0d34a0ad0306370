package io.sovereign.helm;

import io.sovereign.helm.Charts.Values;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal behind the TLS ingress: forwarded headers honoured from the ingress controller's
 * addresses only, and Secure login and CSRF cookies.
 */
@DisplayName("the portal behind the ingress")
class PortalProxyTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("the portal trusts named proxy addresses (never everyone) and forces Secure cookies")
    void trustedProxiesAndSecureCookies(Values values) {
        Map<String, String> env = Charts.umbrella(values).configMap("bidder-portal").getData();
        assertThat(env.get("PORTAL_TRUSTED_PROXIES")).as("PORTAL_TRUSTED_PROXIES").isNotBlank()
                .doesNotContain("0.0.0.0/0").doesNotContain("::/0");
        assertThat(env).containsEntry("PORTAL_COOKIE_FORCE_SECURE", "true");
        if (values == Values.PRODUCTION) {
            assertThat(env).containsEntry("PORTAL_TRUSTED_PROXIES", "10.244.0.0/16");
        }
    }

    @Test
    @DisplayName("trusting every address (0.0.0.0/0) or none (empty) is refused by the schema")
    void everyoneOrNobodyIsRefused() throws IOException {
        for (String proxies : new String[] {"0.0.0.0/0", "10.0.0.0/8, ::/0", ""}) {
            Path values = Files.writeString(Files.createTempFile(tmp, "values", ".yaml"),
                    "bidder-portal:\n  env:\n    PORTAL_TRUSTED_PROXIES: \"" + proxies + "\"\n");
            assertThatThrownBy(() -> Charts.template(Charts.UMBRELLA).withValuesFile(values).call())
                    .as(proxies).hasMessageContainingAll("values don't meet the specifications of the schema",
                            "PORTAL_TRUSTED_PROXIES");
        }
    }
}
