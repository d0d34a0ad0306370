package io.sovereign.e2e;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Tokens the tests sign themselves (plain JDK RS256). {@link #trusted()} registers the key pair as
 * an extra, low-priority RSA key of the realm through Keycloak's admin API: the realm publishes it in
 * its JWKS (Keycloak keeps signing with its own key), so the services accept a token signed with it
 * unless a claim is wrong. That isolates each claim check: exp, nbf, iss and aud.
 */
final class ForgedTokens implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String kid;
    private final String componentId;

    private ForgedTokens(KeyPair keys, String kid, String componentId) {
        this.keys = keys;
        this.kid = kid;
        this.componentId = componentId;
    }

    /** A fresh RSA key pair known to nobody. */
    static ForgedTokens untrusted() {
        return new ForgedTokens(newKeys(), "forged-key", null);
    }

    /** A fresh RSA key pair added to realm sovereign's keys (priority 1, below the realm's own key). */
    static ForgedTokens trusted() {
        KeyPair keys = newKeys();
        String admin = adminToken();
        String base = PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign";
        String realmId = given().auth().oauth2(admin).get(base).then().statusCode(200).extract().path("id");
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        String name = "tests-" + System.nanoTime();
        String location = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", name, "providerId", "rsa", "providerType", "org.keycloak.keys.KeyProvider",
                        "parentId", realmId, "config", Map.of("priority", List.of("1"), "enabled", List.of("true"),
                                "active", List.of("true"), "algorithm", List.of("RS256"), "privateKey", List.of(pem))))
                .post(base + "/components").then().statusCode(201).extract().header("Location");
        String componentId = location.substring(location.lastIndexOf('/') + 1);
        List<Map<String, Object>> realmKeys = given().auth().oauth2(admin).get(base + "/keys").then().statusCode(200)
                .extract().path("keys");
        String kid = realmKeys.stream().filter(k -> componentId.equals(k.get("providerId")))
                .map(k -> (String) k.get("kid")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak does not list the added key"));
        return new ForgedTokens(keys, kid, componentId);
    }

    static String adminToken() {
        return KeycloakUsers.adminToken();
    }

    /** Claims of a valid dealer-01 token from the realm, living 5 minutes from now. */
    static Map<String, Object> dealerClaims() {
        long now = System.currentTimeMillis() / 1000;
        return new java.util.LinkedHashMap<>(Map.of("iss", PlatformStack.config().issuer(), "aud", "sovereign-api",
                "sub", "forged-" + now, "azp", "dealer-01", "client_id", "dealer-01", "typ", "Bearer",
                "iat", now - 5, "exp", now + 300, "realm_access", Map.of("roles", List.of("primary-dealer"))));
    }

    /** RS256 over these claims with this pair's key. */
    String sign(Map<String, Object> claims) {
        String signingInput = part("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + part(json(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims, {@code "alg": "none"} and no signature. */
    static String unsigned(Map<String, Object> claims) {
        return part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(json(claims)) + ".";
    }

    /** A real token's header and signature with another payload (the signature no longer matches). */
    static String withPayload(String realToken, Map<String, Object> claims) {
        String[] parts = realToken.split("\\.");
        return parts[0] + "." + part(json(claims)) + "." + parts[2];
    }

    @Override
    public void close() {
        if (componentId != null) {
            given().auth().oauth2(adminToken())
                    .delete(PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign/components/" + componentId)
                    .then().statusCode(204);
        }
    }

    private static String part(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Map<String, Object> claims) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
