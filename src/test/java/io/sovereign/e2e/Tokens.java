package io.sovereign.e2e;

import static io.restassured.RestAssured.given;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the stack's Keycloak: people by password grant (platform-cli), dealers by client credentials. */
public final class Tokens {

    /** Tokens live 5 minutes in the dev realm; a cached one is reused for at most 4. */
    private static final long MAX_AGE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(4);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {
    }

    private Tokens() {
    }

    /** A person's access token; the password is the user name + "-pw" in the dev realm. */
    public static String user(String username) {
        return cached("user:" + username, Map.of("grant_type", "password", "client_id", "platform-cli",
                "username", username, "password", username + "-pw"));
    }

    /** A dealer system's access token. */
    public static String dealer(String clientId) {
        return cached("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret"));
    }

    /** The same token with one character of its signature changed. */
    public static String tampered(String token) {
        int i = token.lastIndexOf('.') + 5;
        char c = token.charAt(i);
        return token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
    }

    /** The decoded JSON payload of a token. */
    public static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String cached(String key, Map<String, String> form) {
        return CACHE.compute(key, (k, old) -> old != null && System.nanoTime() - old.fetchedAt() < MAX_AGE_NANOS
                ? old : new Cached(request(form), System.nanoTime())).token();
    }

    private static String request(Map<String, String> form) {
        return given().formParams(form)
                .post(PlatformStack.config().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
