package io.sovereign.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One principal's access token from Keycloak, fetched again before it expires: {@link #bearer()} is
 * cheap (a volatile read) and refreshes in the caller's thread only when less than a third of the
 * token's life (at most 60 s) is left, so the virtual clients never send an expired token.
 */
final class TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String tokenUrl;
    private final String form;
    final String principal;

    private volatile String header;
    private volatile long refreshAtNanos;
    private volatile int refreshes;

    private TokenSource(HttpClient http, String tokenUrl, String principal, String form) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.principal = principal;
        this.form = form;
    }

    /** A dealer system: client credentials, secret {@code <client id>-secret} as in the dev realm. */
    static TokenSource clientCredentials(HttpClient http, String tokenUrl, String clientId) {
        return new TokenSource(http, tokenUrl, clientId, "grant_type=client_credentials&client_id=" + enc(clientId)
                + "&client_secret=" + enc(clientId + "-secret"));
    }

    /** A person: password grant through the public client {@code platform-cli}, password {@code <user>-pw}. */
    static TokenSource password(HttpClient http, String tokenUrl, String user) {
        return new TokenSource(http, tokenUrl, user, "grant_type=password&client_id=platform-cli&username="
                + enc(user) + "&password=" + enc(user + "-pw"));
    }

    /** "Bearer ..." for the next request; fetches a new token first when the current one is near its expiry. */
    String bearer() throws IOException, InterruptedException {
        if (header == null || System.nanoTime() - refreshAtNanos >= 0) {
            refresh(false);
        }
        return header;
    }

    /** After a 401: fetch a new token unless another thread did so meanwhile. */
    void invalidate(String rejectedHeader) throws IOException, InterruptedException {
        if (rejectedHeader != null && rejectedHeader.equals(header)) {
            refresh(true);
        }
    }

    int refreshes() {
        return refreshes;
    }

    private synchronized void refresh(boolean force) throws IOException, InterruptedException {
        if (!force && header != null && System.nanoTime() - refreshAtNanos < 0) {
            return; // another thread refreshed while this one waited
        }
        long asked = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("Keycloak refused a token for " + principal + ": " + r.statusCode() + " " + r.body());
        }
        JsonNode t = JSON.readTree(r.body());
        String token = t.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new IOException("Keycloak answered no access_token for " + principal);
        }
        long lifeSeconds = Math.max(1, t.path("expires_in").asLong(60));
        long marginSeconds = Math.min(60, lifeSeconds / 3);
        refreshAtNanos = asked + Duration.ofSeconds(lifeSeconds - marginSeconds).toNanos();
        header = "Bearer " + token;
        refreshes++;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
