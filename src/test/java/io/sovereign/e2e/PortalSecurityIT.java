package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.restassured.response.Response;
import io.sovereign.e2e.browser.PortalBrowser;
import io.sovereign.stack.Service;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The portal's security headers on its pages, static files and redirects, pages without inline
 * script or style (so the Content-Security-Policy needs no 'unsafe-inline'), and CSRF: a form
 * POST from a logged-in browser without the form's token, or with another, is refused (403) and
 * changes nothing.
 */
@ExtendWith(PlatformStack.class)
class PortalSecurityIT {

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>");
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=\"|\\son[a-z]+=\"");

    private static String portal(String path) {
        return PlatformStack.url(Service.BIDDER_PORTAL) + path;
    }

    private static void assertHeaders(Response r, String what) {
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).as(what + " CSP").contains("default-src 'self'").contains("script-src 'self'")
                .contains("style-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .contains("form-action 'self' " + PlatformStack.config().keycloakUrl())
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(r.header("Strict-Transport-Security")).as(what + ": no HSTS over plain HTTP").isNull();
    }

    @Test
    void headersOnEveryKindOfResponseAndNoInlineCode() {
        Map<String, String> pages = Map.of("/desk", "desk1", "/desk/announce", "desk1", "/compliance", "compliance1",
                "/dealer", "trader1", "/retail", "retail1", "/retail/holdings", "retail1", "/", "auditor1");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Response r = given().redirects().follow(false).auth().oauth2(Tokens.user(p.getValue())).accept("text/html")
                    .get(portal(p.getKey()));
            assertThat(r.statusCode()).as(p.getKey()).isEqualTo(200);
            assertHeaders(r, p.getKey());
            String html = r.asString();
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(p.getKey() + " has an inline script").isFalse();
            assertThat(INLINE_STYLE.matcher(html).find()).as(p.getKey() + " has an inline style or handler").isFalse();
        }
        // a static file, the login redirect, another role's 403 page
        assertHeaders(given().get(portal("/css/portal.css")).then().statusCode(200).extract().response(), "static");
        assertHeaders(given().redirects().follow(false).accept("text/html").get(portal("/desk")).then().statusCode(302)
                .extract().response(), "login redirect");
        assertHeaders(given().auth().oauth2(Tokens.user("retail1")).accept("text/html").get(portal("/desk")).then()
                .statusCode(403).extract().response(), "403 page");
        // behind a TLS-terminating proxy: HSTS
        assertThat(given().auth().oauth2(Tokens.user("desk1")).header("X-Forwarded-Proto", "https").accept("text/html")
                .get(portal("/desk")).header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void aFormPostWithoutItsTokenIsRefusedAndChangesNothing() {
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        AuctionDriver.Auction a = AuctionDriver.announceNote(issue, issue.plusYears(5), 20_000_000);
        Page page = browser.loginAs("desk1");
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        browser.open(page, "/desk/auctions/" + a.id());
        String token = page.locator("form[action$='/close'] input[name='csrf-token']").getAttribute("value");
        Cookie cookie = page.context().cookies().stream().filter(c -> c.name.equals("csrf-token")).findFirst().orElseThrow();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).isEqualTo(cookie.value);
        assertThat(cookie.httpOnly).isTrue();

        String close = PortalBrowser.url("/desk/auctions/" + a.id() + "/close");
        // the browser's own session cookies, as a forged cross-site form would send them
        APIResponse none = page.request().post(close, RequestOptions.create().setForm(FormData.create()).setMaxRedirects(0));
        APIResponse wrong = page.request().post(close, RequestOptions.create()
                .setForm(FormData.create().set("csrf-token", "x".repeat(43))).setMaxRedirects(0));
        APIResponse plain = page.request().post(close, RequestOptions.create().setHeader("Content-Type", "text/plain")
                .setData("csrf-token=" + token).setMaxRedirects(0));
        for (APIResponse r : List.of(none, wrong, plain)) {
            assertThat(r.status()).as(r.text()).isEqualTo(403);
            assertThat(r.text()).contains("nothing was changed");
        }
        assertThat(AuctionCore.status(a.id())).isEqualTo("OPEN");
        // the same POST with the form's token goes through (the page's own button does the same)
        APIResponse ok = page.request().post(close, RequestOptions.create()
                .setForm(FormData.create().set("csrf-token", token)).setMaxRedirects(0));
        assertThat(ok.status()).as(ok.text()).isIn(200, 303);
        AuctionCore.awaitStatus(a.id(), "ALLOCATED", java.time.Duration.ofSeconds(30));
        assertThat(violations).as("CSP violations in the console").isEmpty();
    }
}
