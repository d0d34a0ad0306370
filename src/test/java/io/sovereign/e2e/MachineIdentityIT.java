package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.sovereign.stack.Service;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A machine is a client-credentials token, never a user name: the realm refuses people named
 * {@code service-account-…}, and one who exists anyway (put in past the user profile) is a person
 * with an investor id of their own, not the client their name points at.
 */
@ExtendWith(PlatformStack.class)
class MachineIdentityIT {

    private static String investors(String path) {
        return PlatformStack.url(Service.IDENTITY) + "/api/v1/investors" + path;
    }

    private static String passwordToken(String username) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "platform-cli", "username", username,
                "password", username + "-pw"))
                .post(PlatformStack.config().issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void theRealmRefusesServiceAccountUserNames() {
        // (not the exact names of the squatters below: a taken name is a 409 before the profile is checked)
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"service-account-x" + suffix, "Service-Account-Platform-CLI-" + suffix,
                "service-account-dealer-" + suffix}) {
            given().auth().oauth2(KeycloakUsers.adminToken()).contentType("application/json")
                    .body(Map.of("username", name, "enabled", true, "email", UUID.randomUUID() + "@sovereign.test",
                            "firstName", "Would", "lastName", "Be"))
                    .post(PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign/users")
                    .then().statusCode(400).body("field", equalTo("username"))
                    .body("errorMessage", equalTo("User names starting with service-account- are reserved for machine clients"));
            assertThat(KeycloakUsers.idsOf(name.toLowerCase())).as(name).isEmpty();
        }
        // other names still work (KeycloakUsers makes them so)
        assertThat(KeycloakUsers.username(KeycloakUsers.create("account-service", "retail-investor"))).isNotBlank();
    }

    /**
     * The attack of issue 15: two people named service-account-platform-cli… logged in through platform-cli
     * both became investor "platform-cli". Now each is a person: bidder id = token subject.
     */
    @Test
    void aPersonNamedServiceAccountIsAPersonWithTheirOwnInvestorId() {
        String[] names = {KeycloakUsers.idsOf("service-account-platform-cli").isEmpty() ? "service-account-platform-cli"
                : "service-account-platform-cli-" + UUID.randomUUID().toString().substring(0, 6),
                "service-account-dealer-01-" + UUID.randomUUID().toString().substring(0, 6)};
        java.util.Set<String> investorIds = new java.util.HashSet<>();
        for (String name : names) {
            String id = KeycloakUsers.importBypassingProfile(name, "retail-investor");
            String token = passwordToken(name);
            JsonPath claims = JsonPath.from(Tokens.payload(token));
            assertThat(claims.getString("preferred_username")).isEqualTo(name);
            assertThat(claims.getString("azp")).isEqualTo("platform-cli");
            assertThat(claims.getString("client_id")).isNull();
            assertThat(claims.getString("sub")).isEqualTo(id);

            given().auth().oauth2(token).get(investors("/me")).then().statusCode(404);
            String investorId = given().auth().oauth2(token).contentType("application/json")
                    .body("{\"legalName\": \"Squatting Person\", \"country\": \"FR\", \"walletAddress\": \"%s\"}"
                            .formatted(FreshInvestors.freshWallet()))
                    .put(investors("/me")).then().statusCode(200).body("investorType", equalTo("RETAIL"))
                    .extract().path("investorId");
            assertThat(investorId).isEqualTo(id);
            investorIds.add(investorId);
        }
        assertThat(investorIds).hasSize(2).doesNotContain("platform-cli", "dealer-01");
        // the dealer and the CLI's records are untouched: dealer-01 still is itself
        given().auth().oauth2(Tokens.dealer("dealer-01")).get(investors("/me")).then().statusCode(200)
                .body("investorId", equalTo("dealer-01")).body("investorType", equalTo("PRIMARY_DEALER"));
    }

    /** What the services rely on, on the running realm: only a client-credentials token carries client_id = azp. */
    @Test
    void onlyAClientCredentialsTokenCarriesClientId() {
        JsonPath dealer = JsonPath.from(Tokens.payload(Tokens.dealer("dealer-02")));
        assertThat(dealer.getString("client_id")).isEqualTo("dealer-02");
        assertThat(dealer.getString("azp")).isEqualTo("dealer-02");
        for (String person : new String[] {"desk1", "trader1", "retail1"}) {
            JsonPath claims = JsonPath.from(Tokens.payload(Tokens.user(person)));
            assertThat(claims.getString("client_id")).as(person).isNull();
            assertThat(claims.getString("azp")).as(person).isEqualTo("platform-cli");
        }
    }
}
