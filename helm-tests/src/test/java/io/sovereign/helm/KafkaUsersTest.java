package io.sovereign.helm;

import static io.sovereign.helm.Charts.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.sovereign.helm.Charts.Rendered;
import io.sovereign.helm.Charts.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kafka identities: one Strimzi KafkaUser per service with SCRAM-SHA-512 and the ACLs of the local
 * stack (only the owner writes its topic, each service reads only what it consumes, under its own
 * consumer groups), and each Deployment authenticating as its own user with the password from the
 * Secret Strimzi writes, by reference.
 */
@DisplayName("Kafka users and ACLs rendered")
class KafkaUsersTest {

    private static final Map<String, Set<String>> WRITES = Map.of(
            "auction-core", Set.of("auction.events.v1"),
            "identity", Set.of("identity.events.v1"),
            "settlement", Set.of("settlement.events.v1"),
            "bidder-portal", Set.of());
    private static final Map<String, Set<String>> READS = Map.of(
            "auction-core", Set.of("identity.events.v1"),
            "identity", Set.of("identity.events.v1"),
            "settlement", Set.of("auction.events.v1", "identity.events.v1"),
            "bidder-portal", Set.of("identity.events.v1"));

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("one KafkaUser per service: SCRAM-SHA-512, simple authorization, of the cluster sovereign-kafka")
    void everyServiceHasAScramUser(Values values) {
        List<HasMetadata> users = kafkaUsers(Charts.umbrella(values));
        assertThat(users).extracting(u -> u.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (HasMetadata user : users) {
            assertThat(user.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "sovereign-kafka");
            assertThat(map(spec(user).get("authentication"))).containsEntry("type", "scram-sha-512");
            assertThat(map(spec(user).get("authorization"))).containsEntry("type", "simple");
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("only the owner writes its topic; each reads only what it consumes; consumer groups named after it")
    void aclsAreTheLeastEachServiceNeeds(Values values) {
        for (HasMetadata user : kafkaUsers(Charts.umbrella(values))) {
            String name = user.getMetadata().getName();
            Set<String> writes = new HashSet<>();
            Set<String> reads = new HashSet<>();
            Set<String> groups = new HashSet<>();
            for (Object entry : (List<?>) map(spec(user).get("authorization")).get("acls")) {
                Map<String, Object> acl = map(entry);
                Map<String, Object> resource = map(acl.get("resource"));
                List<String> operations = strings(acl.get("operations"));
                assertThat(operations).as(name + " operations").doesNotContain("All", "Alter", "AlterConfigs",
                        "Create", "Delete", "ClusterAction", "IdempotentWrite");
                switch ((String) resource.get("type")) {
                    case "topic" -> {
                        assertThat(resource).as(name + " topic pattern").containsEntry("patternType", "literal");
                        if (operations.contains("Write")) {
                            writes.add((String) resource.get("name"));
                        }
                        if (operations.contains("Read")) {
                            reads.add((String) resource.get("name"));
                        }
                    }
                    case "group" -> {
                        assertThat(operations).containsExactly("Read");
                        groups.add(resource.get("patternType") + ":" + resource.get("name"));
                    }
                    default -> throw new AssertionError(name + " has an ACL on " + resource);
                }
            }
            assertThat(writes).as(name + " writes").isEqualTo(WRITES.get(name));
            assertThat(reads).as(name + " reads").isEqualTo(READS.get(name));
            assertThat(groups).as(name + " groups").containsExactlyInAnyOrder("literal:" + name, "prefix:" + name + "-");
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("each Deployment authenticates as its own KafkaUser, the password from Strimzi's Secret by reference")
    void everyServiceAuthenticatesAsItsOwnUser(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (String service : SERVICES) {
            assertThat(RenderedPlatformTest.secretRefs(rendered.deployment(service))).as(service)
                    .containsEntry("KAFKA_PASSWORD", service + "/password");
            assertThat(rendered.configMap(service).getData()).as(service)
                    .containsEntry("KAFKA_USERNAME", service)
                    .doesNotContainKey("KAFKA_PASSWORD");
        }
    }

    private static List<HasMetadata> kafkaUsers(Rendered rendered) {
        return rendered.objects().stream().filter(o -> o.getKind().equals("KafkaUser")).toList();
    }

    private static Map<String, Object> spec(HasMetadata user) {
        return map(((GenericKubernetesResource) user).getAdditionalProperties().get("spec"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
