package io.sovereign.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the token only. The bidder id of a dealer system is its client id (a
 * Keycloak service account); of a person, the token subject.
 */
@RequestScoped
public class Caller {

    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The bidder (and investor) id of the caller. */
    public String bidderId() {
        return bidderId(token);
    }

    /** The bidder id a token speaks for. */
    public static String bidderId(JsonWebToken token) {
        return bidderId(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("azp"),
                token.getClaim("client_id"));
    }

    public String username() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : token.getSubject();
    }

    public boolean isServiceAccount() {
        String name = token.getClaim("preferred_username");
        return token.getClaim("client_id") != null || (name != null && name.startsWith(SERVICE_ACCOUNT_PREFIX));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    static String bidderId(String subject, String username, String azp, String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            return clientId;
        }
        if (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX) && azp != null) {
            return azp;
        }
        return subject;
    }
}
