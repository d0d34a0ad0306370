package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The realms as code, imported into the real Keycloak and read back through its admin REST API:
 * the dev realm the stack runs on, and the production template (imported under another name).
 */
@ExtendWith(PlatformStack.class)
class RealmsIT {

    /** Clients Keycloak creates in every realm; the template must add no direct-grant client of its own. */
    private static final Set<String> BUILT_IN = Set.of("account", "account-console", "admin-cli", "broker",
            "realm-management", "security-admin-console");

    private static RequestSpecification admin() {
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"))
                .post(PlatformStack.config().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static String adminUrl(String realm, String path) {
        return PlatformStack.config().keycloakUrl() + "/admin/realms/" + realm + path;
    }

    @Test
    void theProductionTemplateHardensTheRealm() throws Exception {
        Path template = PlatformStack.config().projectRoot().resolve("identity/src/main/resources/realm/sovereign-realm-production.json");
        String realm = "sovereign-production-" + UUID.randomUUID().toString().substring(0, 8);
        String json = Files.readString(template).replaceFirst("\"realm\": \"sovereign\"", "\"realm\": \"" + realm + "\"");
        admin().body(json).post(PlatformStack.config().keycloakUrl() + "/admin/realms").then().statusCode(201);
        try {
            JsonPath r = admin().get(adminUrl(realm, "")).then().statusCode(200).extract().jsonPath();
            assertThat(r.getString("passwordPolicy")).contains("length(12)", "upperCase(1)", "digits(1)",
                    "specialChars(1)", "notUsername", "passwordHistory(5)");
            assertThat(r.getBoolean("bruteForceProtected")).isTrue();
            assertThat(r.getInt("failureFactor")).isEqualTo(5);
            assertThat(r.getInt("accessTokenLifespan")).isEqualTo(300);
            assertThat(r.getBoolean("revokeRefreshToken")).isTrue();
            assertThat(r.getInt("refreshTokenMaxReuse")).isZero();
            assertThat(r.getBoolean("verifyEmail")).isTrue();
            assertThat(r.getString("sslRequired")).isEqualTo("external");
            assertThat(r.getString("browserFlow")).isEqualTo("browser with role OTP");

            List<Map<String, Object>> clients = admin().get(adminUrl(realm, "/clients")).then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(clients).extracting(c -> c.get("clientId")).doesNotContain("platform-cli", "dealer-01");
            assertThat(clients).filteredOn(c -> !BUILT_IN.contains(c.get("clientId")))
                    .allSatisfy(c -> assertThat(c.get("directAccessGrantsEnabled")).isEqualTo(false));
            Map<String, Object> portal = clients.stream().filter(c -> "bidder-portal".equals(c.get("clientId")))
                    .findFirst().orElseThrow();
            assertThat(portal.get("publicClient")).isEqualTo(false);
            // no person; the one machine user is settlement's service account, which may read results
            List<String> users = admin().queryParam("max", 100).get(adminUrl(realm, "/users")).then().statusCode(200)
                    .extract().jsonPath().getList("username", String.class);
            assertThat(users).allSatisfy(u -> assertThat(u).isEqualTo("service-account-settlement"));
            String settlement = (String) clients.stream().filter(c -> "settlement".equals(c.get("clientId"))).findFirst()
                    .orElseThrow().get("id");
            JsonPath account = admin().get(adminUrl(realm, "/clients/" + settlement + "/service-account-user")).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(account.getString("username")).isEqualTo("service-account-settlement");
            assertThat(admin().get(adminUrl(realm, "/users/" + account.getString("id") + "/role-mappings/realm")).then().statusCode(200)
                    .extract().jsonPath().getList("name", String.class)).contains("auditor")
                    .doesNotContain("auction-desk", "auction-supervisor", "settlement-operator");

            admin().get(adminUrl(realm, "/authentication/required-actions/VERIFY_EMAIL")).then().statusCode(200)
                    .body("enabled", org.hamcrest.Matchers.equalTo(true))
                    .body("defaultAction", org.hamcrest.Matchers.equalTo(true));
            admin().get(adminUrl(realm, "/authentication/required-actions/CONFIGURE_TOTP")).then().statusCode(200)
                    .body("enabled", org.hamcrest.Matchers.equalTo(true));

            // a one-time password for every role that includes otp-required: the desk, the supervisor, compliance
            // and settlement (the people who publish results, approve KYC and move money)
            List<Map<String, Object>> steps = admin().get(adminUrl(realm,
                    "/authentication/flows/browser with role OTP/executions")).then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(steps).extracting(s -> s.get("providerId")).contains("auth-username-password-form",
                    "conditional-user-role", "auth-otp-form");
            String configId = (String) steps.stream().filter(s -> "conditional-user-role".equals(s.get("providerId")))
                    .findFirst().orElseThrow().get("authenticationConfig");
            admin().get(adminUrl(realm, "/authentication/config/" + configId)).then().statusCode(200)
                    .body("config.condUserRole", org.hamcrest.Matchers.equalTo("otp-required"));
            for (String role : List.of("auction-desk", "auction-supervisor", "compliance-officer", "settlement-operator")) {
                assertThat(admin().get(adminUrl(realm, "/roles/" + role + "/composites")).then().statusCode(200)
                        .extract().jsonPath().getList("name", String.class)).containsExactly("otp-required");
            }
            assertThat(admin().get(adminUrl(realm, "/roles/primary-dealer/composites")).then().statusCode(200)
                    .extract().jsonPath().getList("name", String.class)).isEmpty();
            assertUsernamesOfServiceAccountsAreReserved(realm);
        } finally {
            admin().delete(adminUrl(realm, "")).then().statusCode(204);
        }
    }

    /** The realm's user profile refuses user names starting with service-account- (machines' names). */
    private static void assertUsernamesOfServiceAccountsAreReserved(String realm) {
        JsonPath profile = admin().get(adminUrl(realm, "/users/profile")).then().statusCode(200).extract().jsonPath();
        assertThat(profile.getString("attributes.find { it.name == 'username' }.validations.pattern.pattern"))
                .isEqualTo("^(?!service-account-).*$");
    }

    @Test
    void theDevRealmHasTheSecondFactorReadyAndOffByDefault() {
        JsonPath r = admin().get(adminUrl("sovereign", "")).then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("browserFlow")).isEqualTo("browser password only");
        assertThat(r.getString("directGrantFlow")).isEqualTo("direct grant password only");
        List<Map<String, Object>> mfa = admin().get(adminUrl("sovereign",
                "/authentication/flows/browser with role OTP/executions")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(mfa).extracting(s -> s.get("providerId")).contains("auth-username-password-form",
                "conditional-user-role", "auth-otp-form");
        for (String role : List.of("auction-supervisor", "compliance-officer", "settlement-operator")) {
            assertThat(admin().get(adminUrl("sovereign", "/roles/" + role + "/composites")).then().statusCode(200)
                    .extract().jsonPath().getList("name", String.class)).containsExactly("otp-required");
        }
        assertThat(admin().get(adminUrl("sovereign", "/roles/auction-desk/composites")).then().statusCode(200)
                .extract().jsonPath().getList("name", String.class)).isEmpty();
        for (String user : List.of("desk2", "compliance1", "operator1")) {
            String id = admin().queryParam("username", user).queryParam("exact", true)
                    .get(adminUrl("sovereign", "/users")).then().statusCode(200).extract().path("[0].id");
            assertThat(admin().get(adminUrl("sovereign", "/users/" + id + "/credentials")).then().statusCode(200)
                    .extract().jsonPath().getList("type", String.class)).as(user).contains("password", "otp");
        }
        assertUsernamesOfServiceAccountsAreReserved("sovereign");
    }

    @Test
    void theDevRealmHasTheClientsAndUsersOfTheContract() {
        JsonPath r = admin().get(adminUrl("sovereign", "")).then().statusCode(200).extract().jsonPath();
        assertThat(r.getBoolean("registrationAllowed")).isTrue();
        assertThat(r.getInt("accessTokenLifespan")).isEqualTo(300);
        List<Map<String, Object>> clients = admin().get(adminUrl("sovereign", "/clients")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        clients.forEach(c -> byId.put((String) c.get("clientId"), c));
        assertThat(byId.get("platform-cli")).containsEntry("publicClient", true)
                .containsEntry("directAccessGrantsEnabled", true);
        for (String dealer : List.of("dealer-01", "dealer-02", "dealer-03")) {
            assertThat(byId.get(dealer)).containsEntry("serviceAccountsEnabled", true)
                    .containsEntry("directAccessGrantsEnabled", false);
        }
        assertThat(byId.get("bidder-portal")).containsEntry("standardFlowEnabled", true)
                .containsEntry("publicClient", false);
        // self-registered people become retail investors
        assertThat(admin().get(adminUrl("sovereign", "/roles/default-roles-sovereign/composites")).then()
                .statusCode(200).extract().jsonPath().getList("name", String.class)).contains("retail-investor");
        for (String user : List.of("desk1", "desk2", "compliance1", "operator1", "auditor1", "retail1", "retail2",
                "trader1")) {
            assertThat(admin().queryParam("username", user).queryParam("exact", true)
                    .get(adminUrl("sovereign", "/users")).then().statusCode(200).extract().jsonPath()
                    .getList("username", String.class)).containsExactly(user);
        }
    }
}
