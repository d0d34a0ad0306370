package io.sovereign.settlement.clients;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sovereign.settlement.service.Publications;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks auction-core what it published for an auction: {@code allocationCount} and
 * {@code allocationsDigest} of {@code GET /api/v1/auctions/{id}/results}, as settlement's own
 * machine identity (client credentials of the Keycloak client {@code settlement}, role auditor).
 * Only the head of the document is read: both fields come before the allocations, and the
 * connection is closed there.
 */
@ApplicationScoped
public class AuctionCoreResults {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    public AuctionCoreResults(@ConfigProperty(name = "sovereign.auction-core.url") String baseUrl,
            @ConfigProperty(name = "sovereign.auction-core.token-url") String tokenUrl,
            @ConfigProperty(name = "sovereign.auction-core.client-id") String clientId,
            @ConfigProperty(name = "sovereign.auction-core.client-secret") String clientSecret) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** auction-core (or Keycloak) cannot answer now: try again later, never skip. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * What auction-core published for the auction.
     *
     * @throws UnavailableException if it cannot say now (down, 5xx, our token refused)
     */
    public Publications.Expected publication(String auctionId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auctions/"
                + URLEncoder.encode(auctionId, StandardCharsets.UTF_8) + "/results"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = send(request);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 || status == 409) {
                return new Publications.Expected.NotPublished("auction-core has not published auction " + auctionId
                        + " (" + status + ")");
            }
            if (status == 401) {
                invalidateToken();
            }
            if (status != 200) {
                throw new UnavailableException("auction-core answered " + status + " for the results of " + auctionId);
            }
            return head(auctionId, body);
        } catch (IOException e) {
            throw new UnavailableException("reading the results of " + auctionId + " from auction-core: " + e.getMessage());
        }
    }

    static Publications.Expected head(String auctionId, InputStream body) throws IOException {
        String status = null;
        Integer count = null;
        String digest = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnavailableException("auction-core's results of " + auctionId + " are not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (status == null || count == null || digest == null)) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "status" -> status = p.getValueAsString();
                    case "allocationCount" -> count = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "allocationsDigest" -> digest = p.getValueAsString();
                    case "allocations" -> {
                        // the digest comes before the allocations: none means auction-core did not give it
                        return expected(auctionId, status, count, digest);
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return expected(auctionId, status, count, digest);
    }

    private static Publications.Expected expected(String auctionId, String status, Integer count, String digest) {
        if (!"PUBLISHED".equals(status)) {
            return new Publications.Expected.NotPublished("auction-core has not published auction " + auctionId
                    + " (status " + status + ")");
        }
        if (count == null || digest == null) {
            throw new UnavailableException("auction-core's results of " + auctionId + " carry no allocationsDigest");
        }
        return new Publications.Expected.Published(count, digest);
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<InputStream> response = send(request);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new UnavailableException("Keycloak refused settlement's client credentials ("
                        + response.statusCode() + ")");
            }
            JsonNode json = MAPPER.readTree(body);
            token = json.path("access_token").asText();
            // renewed half-way through its life, so a request never carries one about to expire
            tokenExpires = Instant.now().plusSeconds(Math.max(5, json.path("expires_in").asLong(60) / 2));
            return token;
        } catch (IOException e) {
            throw new UnavailableException("reading a token from Keycloak: " + e.getMessage());
        }
    }

    private synchronized void invalidateToken() {
        token = null;
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UnavailableException(request.uri().getHost() + ":" + request.uri().getPort() + " unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted");
        }
    }
}
