package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.sovereign.stack.Service;
import io.sovereign.stack.Stack;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal behind a TLS-terminating proxy. From a trusted proxy (the stack's portal trusts
 * 127.0.0.1, as {@code PORTAL_TRUSTED_PROXIES} defaults to) a request that arrived as
 * {@code https://portal.example.test} is sent to Keycloak with that https return address, and its
 * login state and CSRF cookies are {@code Secure}. The attack: a client that is not a trusted proxy
 * sends the same forwarded headers to make the portal build return addresses for a host of its
 * choosing or pretend TLS; a portal instance that trusts only another address (192.0.2.10) ignores
 * them: the return address is its own plain-HTTP one and no cookie is {@code Secure}.
 */
@ExtendWith(PlatformStack.class)
class PortalProxyIT {

    private static final String HOST = "portal.example.test";
    private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", HOST,
            "X-Forwarded-For", "198.51.100.7");

    @Test
    void fromTheTrustedProxyTheLoginReturnsToTheHttpsHostAndCookiesAreSecure() {
        String portal = PlatformStack.url(Service.BIDDER_PORTAL);
        Response login = loginRedirect(portal + "/desk/announce", FORWARDED);
        assertThat(redirectUri(login)).as("redirect_uri").isEqualTo("https://" + HOST + "/desk/announce");
        assertThat(stateCookies(login)).as("the login state cookie").isNotEmpty()
                .allSatisfy(c -> assertThat(attributes(c)).as(c).contains("secure"));

        Response page = page(portal + "/desk", FORWARDED);
        assertThat(cookie(page, "csrf-token")).as("the CSRF cookie").satisfies(c -> assertThat(attributes(c)).contains("secure"));
        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");

        // the same portal without forwarded headers: plain HTTP, as the browser came
        Response direct = loginRedirect(portal + "/desk/announce", Map.of());
        assertThat(redirectUri(direct)).isEqualTo(portal + "/desk/announce");
        assertThat(stateCookies(direct)).isNotEmpty().allSatisfy(c -> assertThat(attributes(c)).doesNotContain("secure"));
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
        Stack stack = PlatformStack.stack();
        int port = PlatformStack.config().ports().portal() + 300;
        try (Stack.Replica portal = stack.startReplica(Service.BIDDER_PORTAL, port,
                Map.of("PORTAL_TRUSTED_PROXIES", "192.0.2.10"))) {
            Response login = loginRedirect(portal.url() + "/desk/announce", FORWARDED);
            assertThat(redirectUri(login)).as("redirect_uri").isEqualTo(portal.url() + "/desk/announce")
                    .doesNotContain(HOST);
            assertThat(stateCookies(login)).isNotEmpty()
                    .allSatisfy(c -> assertThat(attributes(c)).as(c).doesNotContain("secure"));

            Response page = page(portal.url() + "/desk", FORWARDED);
            assertThat(attributes(cookie(page, "csrf-token"))).doesNotContain("secure");
            assertThat(page.header("Strict-Transport-Security")).as("no HSTS on a plain request").isNull();
        }
    }

    /** An anonymous browser's request for a page: the 302 to Keycloak's login. */
    private static Response loginRedirect(String url, Map<String, String> headers) {
        Response r = given().redirects().follow(false).headers(headers).accept("text/html").get(url);
        assertThat(r.statusCode()).as("GET " + url).isEqualTo(302);
        assertThat(r.header("Location")).startsWith(PlatformStack.config().issuer() + "/protocol/openid-connect/auth?");
        return r;
    }

    /** A page as desk1 (bearer token, hybrid mode): answered 200 with a fresh CSRF cookie. */
    private static Response page(String url, Map<String, String> headers) {
        Response r = given().redirects().follow(false).headers(headers).auth().oauth2(Tokens.user("desk1"))
                .accept("text/html").get(url);
        assertThat(r.statusCode()).as("GET " + url).isEqualTo(200);
        return r;
    }

    private static String redirectUri(Response login) {
        String query = URI.create(login.header("Location")).getRawQuery();
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("redirect_uri=")).findFirst()
                .map(p -> URLDecoder.decode(p.substring("redirect_uri=".length()), StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("no redirect_uri in " + login.header("Location")));
    }

    private static List<String> stateCookies(Response r) {
        return r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("q_auth")).toList();
    }

    private static String cookie(Response r, String name) {
        return r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().getValues("Set-Cookie")));
    }

    /** The attribute names of a Set-Cookie value, lower case: secure, httponly, path... */
    private static List<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().split("=", 2)[0].toLowerCase()).toList();
    }
}
