package io.sovereign.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sovereign.e2e.PlatformStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Self-registration (Keycloak's registration form, reached from the portal's login page) refuses a
 * user name starting with {@code service-account-}: the realm's user profile keeps those names to
 * the service accounts Keycloak makes for clients.
 */
@ExtendWith(PlatformStack.class)
class SelfRegistrationIT {

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    private Page registrationForm() {
        Page page = browser.anonymous();
        page.navigate(PortalBrowser.url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register")).click();
        page.locator("#password-confirm").waitFor();
        return page;
    }

    private static void fill(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#email").fill(username + "-" + UUID.randomUUID().toString().substring(0, 6) + "@sovereign.test");
        page.locator("#firstName").fill("Would");
        page.locator("#lastName").fill("Be");
        page.locator("#password").fill(username + "-pw");
        page.locator("#password-confirm").fill(username + "-pw");
        page.locator("form#kc-register-form [type=submit]").click();
        page.waitForLoadState();
    }

    private static List<String> users(String username) {
        String admin = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", "admin")).post(PlatformStack.config().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign/users")
                .then().statusCode(200).extract().jsonPath().getList("username", String.class);
    }

    @Test
    void aServiceAccountNameIsRefusedAtRegistration() {
        String squatted = "service-account-dealer-" + UUID.randomUUID().toString().substring(0, 8);
        Page page = registrationForm();
        fill(page, squatted);
        assertThat(page.locator("body")).containsText("User names starting with service-account- are reserved for machine clients");
        assertThat(page.locator("#password-confirm")).isVisible();
        assertThat(page.url()).doesNotStartWith(PortalBrowser.baseUrl());
        browser.screenshot(page, "registration-refused");
        assertThat(users(squatted)).isEmpty();
    }

    @Test
    void anOrdinaryNameRegistersAndLandsOnThePortal() {
        String saver = "saver-" + UUID.randomUUID().toString().substring(0, 8);
        Page page = registrationForm();
        fill(page, saver);
        page.waitForURL(u -> u.startsWith(PortalBrowser.baseUrl() + "/"));
        assertThat(users(saver)).containsExactly(saver);
    }
}
