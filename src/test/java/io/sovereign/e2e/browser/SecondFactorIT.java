package io.sovereign.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import io.sovereign.e2e.PlatformStack;
import io.sovereign.stack.DevUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With MFA on, a privileged person (desk2, the supervisor who publishes results) types a one-time
 * password after the password before the portal lets them in; desk1 (auction desk only) is not asked.
 *
 * <p>The whole e2e run shares one stack whose dev realm binds the password-only browser flow; this
 * class binds production's flow ("browser with role OTP", what {@code ./platform up --mfa} imports)
 * through Keycloak's admin API for its own tests and binds the password-only flow back afterwards,
 * so the other browser tests (which run one class after another in the same JVM) never meet it.
 */
@ExtendWith(PlatformStack.class)
class SecondFactorIT {

    private static final String MFA_FLOW = "browser with role OTP";
    private static final String PASSWORD_ONLY_FLOW = "browser password only";

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    private static void bindBrowserFlow(String alias) {
        String admin = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", "admin")).post(PlatformStack.config().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String realm = PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign";
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("browserFlow", alias)).put(realm)
                .then().statusCode(204);
        assertThat(given().auth().oauth2(admin).get(realm).then().statusCode(200).extract().<String>path("browserFlow"))
                .isEqualTo(alias);
    }

    @BeforeAll
    static void mfaOn() {
        bindBrowserFlow(MFA_FLOW);
    }

    @AfterAll
    static void mfaOff() {
        bindBrowserFlow(PASSWORD_ONLY_FLOW);
    }

    /** Opens the portal and submits the password form; returns the page wherever Keycloak led it. */
    private Page password(String username) {
        Page page = browser.anonymous();
        page.navigate(PortalBrowser.url("/"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(username + "-pw");
        page.locator("#kc-login").click();
        page.waitForLoadState();
        return page;
    }

    @Test
    void theSupervisorIsAskedForTheSecondFactorAndGetsInWithTheCode() {
        Page page = password("desk2");
        // the password alone does not reach the portal: Keycloak's OTP form comes next
        assertThat(page.locator("#otp")).isVisible();
        assertThat(page.url()).doesNotStartWith(PortalBrowser.baseUrl());
        browser.screenshot(page, "desk2-otp-form");

        // a wrong code is refused on the same form
        page.locator("#otp").fill("000000".equals(Totp.code(secret(), Instant.now())) ? "111111" : "000000");
        page.locator("#kc-login").click();
        assertThat(page.locator("#otp")).isVisible();
        assertThat(page.url()).doesNotStartWith(PortalBrowser.baseUrl());

        // a code typed with too little of its 30 s left could expire on the way
        await().atMost(Duration.ofSeconds(Totp.PERIOD_SECONDS)).until(() -> Totp.secondsLeft(Instant.now()) >= 5);
        page.locator("#otp").fill(Totp.code(secret(), Instant.now()));
        page.locator("#kc-login").click();
        page.waitForURL(u -> u.startsWith(PortalBrowser.baseUrl() + "/"));
        page.waitForLoadState();
        browser.open(page, "/desk");
        assertThat(page.locator("body")).containsText("desk2");
    }

    @Test
    void theDeskOfficerWithoutAPrivilegedRoleIsNotAsked() {
        Page page = password("desk1");
        page.waitForURL(u -> u.startsWith(PortalBrowser.baseUrl() + "/"));
        assertThat(page.locator("#otp")).hasCount(0);
    }

    private static String secret() {
        return DevUsers.TOTP_SECRETS.get("desk2");
    }
}
