package io.sovereign.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.sovereign.e2e.PlatformStack;
import io.sovereign.e2e.browser.PortalBrowser.Viewport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * People log in through the Keycloak form and the portal shows them the sections of their roles
 * only; another role's section is a 403 page; logging out ends the session.
 */
@ExtendWith(PlatformStack.class)
class PortalRolesIT {

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    /** The portal's sections: path and menu title. */
    private static final Map<String, String> SECTIONS = Map.of("/desk", "Auction desk", "/dealer", "Dealer",
            "/retail", "Retail", "/compliance", "Compliance");

    record Person(String username, List<String> sections) {
        @Override
        public String toString() {
            return username;
        }
    }

    static Stream<Person> people() {
        return Stream.of(new Person("desk1", List.of("/desk")), new Person("desk2", List.of("/desk")),
                new Person("retail1", List.of("/retail")), new Person("compliance1", List.of("/compliance")),
                new Person("trader1", List.of("/dealer")));
    }

    private static Locator menu(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("people")
    void everyoneSeesTheSectionsOfTheirRolesOnlyAndAForbiddenPageForTheOthers(Person person) {
        Page page = browser.loginAs(person.username());
        assertThat(page).hasURL(PortalBrowser.url("/"));
        assertThat(heading(page)).hasText("Welcome, " + person.username());
        List<String> menu = new ArrayList<>(person.sections().stream().map(SECTIONS::get).toList());
        menu.add("Log out");
        assertThat(menu(page).getByRole(AriaRole.LINK)).hasText(menu.toArray(String[]::new));
        assertThat(menu(page)).containsText(person.username());
        browser.screenshot(page, person.username() + "-home");

        for (String path : List.of("/desk", "/dealer", "/retail", "/compliance")) {
            Response response = browser.open(page, path);
            String shot = person.username() + "-" + path.substring(1);
            if (person.sections().contains(path)) {
                assertThat(response.status()).as("%s opens %s", person, path).isEqualTo(200);
                assertThat(heading(page)).not().hasText("You cannot open this page");
                browser.screenshot(page, shot);
            } else {
                assertThat(response.status()).as("%s opens %s", person, path).isEqualTo(403);
                assertThat(heading(page)).hasText("You cannot open this page");
                // the 403 page keeps the user's own menu
                assertThat(menu(page).getByRole(AriaRole.LINK)).hasText(menu.toArray(String[]::new));
                browser.screenshot(page, shot + "-403");
            }
        }
    }

    @Test
    void withoutASessionEveryPageAsksForTheLoginAndComesBackToThePageAsked() {
        Page page = browser.anonymous();
        browser.open(page, "/retail");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))).isVisible();
        assertThat(page.url()).startsWith(PlatformStack.config().issuer() + "/protocol/openid-connect/auth?");
        browser.screenshot(page, "login-form");
        PortalBrowser.submitLogin(page, "retail1", "retail1-pw");
        assertThat(page).hasURL(PortalBrowser.url("/retail"));
        assertThat(heading(page)).hasText("Retail");
    }

    @Test
    void aWrongPasswordStaysOnTheLoginFormWithAnError() {
        Page page = browser.anonymous();
        browser.open(page, "/");
        page.locator("#username").fill("desk1");
        page.locator("#password").fill("not-the-password");
        page.locator("#kc-login").click();
        assertThat(page.getByText("Invalid username or password.")).isVisible();
        assertThat(page.getByLabel("Username or email")).hasAttribute("aria-invalid", "true");
        assertThat(page.url()).startsWith(PlatformStack.config().keycloakUrl() + "/");
        browser.screenshot(page, "login-wrong-password");
    }

    @Test
    void loggingOutEndsTheSession() {
        Page page = browser.loginAs("desk2");
        assertThat(menu(page)).containsText("desk2");
        browser.logout(page);
        browser.screenshot(page, "after-logout");
        // the portal's session is gone: the desk asks for the login again
        browser.open(page, "/desk");
        assertThat(page.locator("#kc-login")).isVisible();
        assertThat(page.url()).startsWith(PlatformStack.config().keycloakUrl());
    }

    @Test
    void onAPhoneTheMenuAndTheSectionsFitTheScreen() {
        Page page = browser.loginAs("retail1", Viewport.PHONE);
        assertThat(menu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Retail")))
                .isVisible();
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(390);
        browser.screenshot(page, "retail1-home-phone");
    }
}
