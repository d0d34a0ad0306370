package io.sovereign.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the token only. The bidder id of a dealer system is its client id (a
 * Keycloak service account); of a person, the token subject.
 *
 * <p>A machine is recognised by what only Keycloak's client-credentials grant puts in a token:
 * the {@code client_id} claim (the "Client ID" mapper of the realm's {@code service_account} client
 * scope reads a session note that grant alone sets), equal to {@code azp}, the client the token was
 * issued to. Never by the user name: people choose theirs, and a person's token also has an
 * {@code azp} (the client they logged in through, platform-cli or bidder-portal).
 */
@RequestScoped
public class Caller {

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
        return bidderId(token.getSubject(), token.getClaim("azp"), token.getClaim("client_id"));
    }

    public String username() {
        String name = token.getClaim("preferred_username");
        return name != null ? name : token.getSubject();
    }

    /** A dealer (or other) system calling with a client-credentials token, not a person. */
    public boolean isServiceAccount() {
        return isClient(token.getClaim("azp"), token.getClaim("client_id"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The client id of a client-credentials token, else the subject; the user name plays no part. */
    static String bidderId(String subject, String azp, String clientId) {
        return isClient(azp, clientId) ? clientId : subject;
    }

    static boolean isClient(String azp, String clientId) {
        return clientId != null && !clientId.isBlank() && clientId.equals(azp);
    }
}
