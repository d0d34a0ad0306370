package io.sovereign.portal.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response of the portal (pages, static files, redirects, errors).
 * The pages have no inline script and no inline style (the JSON data blocks of the desk's charts
 * are {@code type="application/json"}, never executed), so the policy allows scripts and styles
 * from the portal itself only; forms may post to the portal and, for the login, to Keycloak.
 * {@code Strict-Transport-Security} is sent only on a request that came over TLS, directly or as
 * told by a trusted TLS-terminating proxy ({@code X-Forwarded-Proto: https} from an address of
 * {@code PORTAL_TRUSTED_PROXIES}, see {@link ProxyTrust}); the same header from anyone else is ignored.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String contentSecurityPolicy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.contentSecurityPolicy = policy(authServerUrl);
    }

    static String policy(String authServerUrl) {
        URI keycloak = URI.create(authServerUrl);
        String origin = keycloak.getScheme() + "://" + keycloak.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + origin;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest request = rc.request();
            HttpServerResponse response = rc.response();
            response.putHeader("Content-Security-Policy", contentSecurityPolicy);
            response.putHeader("X-Content-Type-Options", "nosniff");
            response.putHeader("X-Frame-Options", "DENY");
            response.putHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            response.putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (overTls(request)) {
                response.putHeader("Strict-Transport-Security", HSTS);
            }
            rc.next();
        });
    }

    /**
     * Whether the browser's request came over TLS. Quarkus' forwarded-header handling has already
     * applied a trusted proxy's {@code X-Forwarded-Proto} to the request (and ignored an untrusted
     * one's), so the header itself is never read here.
     */
    static boolean overTls(HttpServerRequest request) {
        return request.isSSL();
    }
}
