package io.sovereign.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh people in the stack's realm, through Keycloak's admin REST API: tests that change an
 * investor record use their own user and leave the dev users as API.md describes them.
 */
final class KeycloakUsers {

    private KeycloakUsers() {
    }

    /** A new enabled user with these realm roles; password = user name + "-pw" (as the dev users). Returns its id. */
    static String create(String prefix, String... roles) {
        String base = PlatformStack.config().keycloakUrl();
        String admin = adminToken();
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", "Test", "lastName", prefix, "email", username + "@sovereign.test",
                        "credentials", List.of(Map.of("type", "password", "value", username + "-pw",
                                "temporary", false))))
                .post(base + "/admin/realms/sovereign/users")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<Map<String, Object>> reps = new java.util.ArrayList<>();
        for (String role : roles) {
            reps.add(given().auth().oauth2(admin).get(base + "/admin/realms/sovereign/roles/" + role)
                    .then().statusCode(200).extract().as(Map.class));
        }
        given().auth().oauth2(admin).contentType("application/json").body(reps)
                .post(base + "/admin/realms/sovereign/users/" + id + "/role-mappings/realm")
                .then().statusCode(204);
        USERNAMES.put(id, username);
        return id;
    }

    /**
     * A user named as the realm's user profile refuses (e.g. {@code service-account-x}), put in
     * anyway through the admin API's partial import, which does not validate the profile: what
     * an attacker would get from an older realm or a careless administrator. Password = user name
     * + "-pw". Returns its id.
     */
    static String importBypassingProfile(String username, String... roles) {
        String base = PlatformStack.config().keycloakUrl();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", "Squatting", "lastName", "Person", "email", username + "@sovereign.test",
                "realmRoles", List.of(roles),
                "credentials", List.of(Map.of("type", "password", "value", username + "-pw", "temporary", false)));
        String id = given().auth().oauth2(adminToken()).contentType("application/json")
                .body(Map.of("ifResourceExists", "FAIL", "users", List.of(user)))
                .post(base + "/admin/realms/sovereign/partialImport")
                .then().statusCode(200).extract().path("results[0].id");
        USERNAMES.put(id, username);
        return id;
    }

    /** The ids of the realm's users with exactly this user name (none or one). */
    static List<String> idsOf(String username) {
        return given().auth().oauth2(adminToken()).queryParam("username", username).queryParam("exact", true)
                .get(PlatformStack.config().keycloakUrl() + "/admin/realms/sovereign/users")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    /** A token of Keycloak's admin (master realm, admin-cli) for the admin REST API. */
    static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"))
                .post(PlatformStack.config().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The user name of a user made by {@link #create}. */
    static String username(String id) {
        return USERNAMES.get(id);
    }

    private static final Map<String, String> USERNAMES = new java.util.concurrent.ConcurrentHashMap<>();
}
