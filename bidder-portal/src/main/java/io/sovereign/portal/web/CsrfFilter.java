package io.sovereign.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection of every form (double-submit cookie, as Quarkus' rest-csrf extension does): each
 * page request without one gets a random {@code csrf-token} cookie (HttpOnly, SameSite=Lax; Secure
 * as the login cookies are: over TLS, directly or through a trusted proxy, or always with
 * {@code PORTAL_COOKIE_FORCE_SECURE}), every form carries the same value in a hidden field
 * ({@code templates/csrf.html}), and a state-changing request (POST, PUT, PATCH, DELETE) is
 * refused with 403 unless it is a form whose field equals the cookie. A page of another site can
 * make a browser send the portal's cookies but can neither read the cookie nor the page, so it
 * cannot know the value. A request with an
 * {@code Authorization: Bearer} header (scripts and tests, hybrid mode) is not checked: a browser
 * never adds that header by itself, so it cannot be forged cross-site.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Csrf csrf;
    private final boolean forceSecure;

    public CsrfFilter(Csrf csrf,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false") boolean forceSecure) {
        this.csrf = csrf;
        this.forceSecure = forceSecure;
    }

    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(Csrf.NAME);
        String expected = cookie == null ? null : cookie.getValue();
        if (SAFE.contains(request.getMethod())) {
            if (expected == null || expected.length() < 32) {
                expected = newToken();
                routing.response().addCookie(Cookie.cookie(Csrf.NAME, expected).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX).setSecure(forceSecure || SecurityHeaders.overTls(routing.request())));
            }
            csrf.setToken(expected);
            return null;
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        Object sent = form ? ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(Csrf.NAME, true, false) : null;
        if (expected == null || !(sent instanceof String s) || !sameToken(expected, s)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form refused · "
                            + "Sovereign auctions</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body>"
                            + "<main id=\"main\"><h1>This form was not sent</h1><p role=\"alert\">It had expired or did not "
                            + "come from this portal's own page, so nothing was changed. Go back, reload the page and send "
                            + "it again.</p><p><a href=\"/\">Back to your sections</a></p></main></body></html>")
                    .build();
        }
        csrf.setToken(expected);
        return null;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean sameToken(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
