package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.sovereign.events.Topics;
import io.sovereign.stack.KafkaUsers;
import io.sovereign.stack.Service;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every service is ready on its database and Kafka, documents itself on its API port and exposes
 * metrics on its management port.
 */
@ExtendWith(PlatformStack.class)
class PlatformHealthIT {

    @ParameterizedTest
    @EnumSource(Service.class)
    void readinessCoversTheDatabaseAndKafka(Service service) {
        given().get(PlatformStack.managementUrl(service) + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void openApiAndMetricsAreServed(Service service) {
        given().get(PlatformStack.url(service) + "/q/openapi").then().statusCode(200)
                .body(containsString("openapi:"));
        given().get(PlatformStack.managementUrl(service) + "/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theTopicsOfTheContractExist() throws Exception {
        try (Admin admin = Admin.create(KafkaUsers.client(PlatformStack.config(), KafkaUsers.AUDITOR))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames()
                    .get(20, TimeUnit.SECONDS);
            assertThat(topics).containsOnlyKeys("auction.events.v1", "identity.events.v1", "settlement.events.v1");
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
        }
    }
}
