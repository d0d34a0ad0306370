package io.sovereign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KeycloakServerTest {

    private static String devRealm() throws Exception {
        Path root = StackConfig.findProjectRoot(Path.of(""));
        return Files.readString(root.resolve(KeycloakServer.REALM_FILE), StandardCharsets.UTF_8);
    }

    @Test
    void theDevRealmLogsInWithAPasswordUnlessMfaIsOn() throws Exception {
        String realm = devRealm();
        assertThat(KeycloakServer.bindBrowserFlow(realm, false)).isEqualTo(realm);
        String mfa = KeycloakServer.bindBrowserFlow(realm, true);
        assertThat(mfa).contains("\"browserFlow\": \"browser with role OTP\"")
                .doesNotContain("\"browserFlow\": \"browser password only\"")
                // the flow it binds is defined in the realm
                .contains("\"alias\": \"browser with role OTP\"");
    }

    @Test
    void aRealmWithoutThePasswordOnlyBindingIsRefused() {
        assertThatThrownBy(() -> KeycloakServer.bindBrowserFlow("{\"realm\": \"sovereign\"}", true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevTotpSecretsAreInTheRealmAndPrintedInBase32() throws Exception {
        String realm = devRealm();
        DevUsers.TOTP_SECRETS.values().forEach(secret -> assertThat(realm).contains(secret));
        // RFC 4648 test vectors
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI======");
        assertThat(Base32.encode("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
        assertThat(Base32.encode(DevUsers.TOTP_SECRETS.get("desk2").getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("MRSXG2ZSFVSGK5RNORXXI4BNONSWKZBR");
    }
}
