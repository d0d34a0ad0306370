package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.sovereign.stack.Service;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The attack: anyone who reaches a service's API port (the production ingress routes {@code /})
 * reads {@code /q/metrics}, live bid counters second by second, and the health details. Health and
 * metrics live on the management port only; the API port answers 404 there, with or without a
 * token, and keeps {@code /q/openapi}, which dealers generate their clients from.
 */
@ExtendWith(PlatformStack.class)
class ManagementPortIT {

    private static final List<String> MANAGEMENT_PATHS = List.of("/q/metrics", "/q/health", "/q/health/ready",
            "/q/health/live", "/q/health/started");

    @ParameterizedTest
    @EnumSource(Service.class)
    void theApiPortAnswers404OnHealthAndMetrics(Service service) {
        String token = Tokens.user("desk2");
        for (String path : MANAGEMENT_PATHS) {
            String url = PlatformStack.url(service) + path;
            int anonymous = given().redirects().follow(false).get(url).statusCode();
            assertThat(anonymous).as("anonymous GET " + url).isEqualTo(404);
            int withToken = given().redirects().follow(false).auth().oauth2(token).get(url).statusCode();
            assertThat(withToken).as("GET " + url + " with desk2's token").isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void theManagementPortServesHealthAndMetrics(Service service) {
        String management = PlatformStack.managementUrl(service);
        assertThat(management).isNotEqualTo(PlatformStack.url(service));
        given().get(management + "/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void openApiStaysOnTheApiPortOnly(Service service) {
        given().get(PlatformStack.url(service) + "/q/openapi").then().statusCode(200).body(containsString("openapi:"));
        given().get(PlatformStack.managementUrl(service) + "/q/openapi").then().statusCode(404);
    }
}
