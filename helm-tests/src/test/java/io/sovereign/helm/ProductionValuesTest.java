package io.sovereign.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.sovereign.helm.Charts.Rendered;
import io.sovereign.helm.Charts.Values;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.sovereign.helm.Charts.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/** values-production.yaml: replicas, autoscaling, disruption budgets and the operators' resources. */
@DisplayName("sovereign-platform with values-production.yaml")
class ProductionValuesTest {

    private final Rendered production = Charts.umbrella(Values.PRODUCTION);

    private Optional<HorizontalPodAutoscaler> hpaOf(Deployment deployment) {
        return production.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                        && h.getSpec().getScaleTargetRef().getName().equals(deployment.getMetadata().getName()))
                .findFirst();
    }

    @Test
    @DisplayName("every service runs at least 2 pods (its HPA's minReplicas, or its replicas without one)")
    void everyServiceRunsAtLeastTwoPods() {
        for (Deployment deployment : production.all(Deployment.class)) {
            int least = hpaOf(deployment).map(h -> h.getSpec().getMinReplicas()).orElse(deployment.getSpec().getReplicas());
            assertThat(least).as(Charts.service(deployment) + " minimum pods").isGreaterThanOrEqualTo(2);
            if (deployment.getSpec().getReplicas() != null) {
                assertThat(deployment.getSpec().getReplicas()).as(Charts.service(deployment) + " replicas").isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    @DisplayName("every service has an autoscaling/v2 HPA from at least 2 replicas; the Deployment leaves replicas to it")
    void everyServiceAutoscalesFromTwo() {
        for (Deployment deployment : production.all(Deployment.class)) {
            HorizontalPodAutoscaler hpa = hpaOf(deployment)
                    .orElseThrow(() -> new AssertionError("no HPA for " + Charts.service(deployment)));
            assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
            assertThat(hpa.getSpec().getMinReplicas()).as(Charts.service(deployment) + " minReplicas").isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).as(Charts.service(deployment) + " maxReplicas")
                    .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            assertThat(deployment.getSpec().getReplicas()).as(Charts.service(deployment) + " replicas under an HPA").isNull();
        }
    }

    @Test
    @DisplayName("every service's PodDisruptionBudget keeps 1 pod available")
    void disruptionBudgetsKeepOnePod() {
        assertThat(production.all(PodDisruptionBudget.class)).hasSize(SERVICES.size())
                .allSatisfy(pdb -> assertThat(pdb.getSpec().getMinAvailable().getIntVal())
                        .as(pdb.getMetadata().getName()).isEqualTo(1));
    }

    @Test
    @DisplayName("Kafka is the Strimzi cluster's TLS bootstrap, trusted through its CA certificate")
    void kafkaIsStrimziOverTls() {
        for (String service : SERVICES) {
            Map<String, String> env = production.configMap(service).getData();
            assertThat(env).as(service)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "sovereign-kafka-kafka-bootstrap.kafka:9093")
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            Volume ca = production.deployment(service).getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals("kafka-ca")).findFirst().orElseThrow();
            assertThat(ca.getSecret().getSecretName()).isEqualTo("sovereign-kafka-cluster-ca");
            assertThat(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION")).startsWith("/etc/sovereign/kafka-ca/");
        }
    }

    @Test
    @DisplayName("PostgreSQL is a CloudNativePG cluster per service: host <cluster>-rw, credentials from <cluster>-app")
    void postgresqlIsCloudNativePg() {
        for (String service : SERVICES) {
            ConfigMap config = production.configMap(service);
            String host = config.getData().get("DB_HOST");
            assertThat(host).as(service + " DB_HOST").endsWith("-rw");
            String cluster = host.substring(0, host.length() - "-rw".length());
            assertThat(RenderedPlatformTest.secretRefs(production.deployment(service))).as(service)
                    .containsEntry("DB_PASSWORD", cluster + "-app/password")
                    .containsEntry("DB_USER", cluster + "-app/username");
        }
    }

    @Test
    @DisplayName("Keycloak is reached at its external https URL; the dev seed stays off")
    void keycloakIsExternalAndNoDevSeed() {
        for (String service : SERVICES) {
            assertThat(production.configMap(service).getData().get("KEYCLOAK_URL")).as(service).startsWith("https://");
        }
        assertThat(production.configMap("identity").getData()).containsEntry("DEV_SEED", "false");
        assertThat(production.configMap("settlement").getData()).containsEntry("DEV_SEED", "false");
    }

    @Test
    @DisplayName("the portal is published by an Ingress with TLS from an existing Secret")
    void portalHasATlsIngress() {
        Ingress ingress = production.named(Ingress.class, Charts.RELEASE + "-bidder-portal").orElseThrow();
        assertThat(ingress.getSpec().getTls()).singleElement()
                .satisfies(tls -> assertThat(tls.getSecretName()).isNotBlank());
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isNotBlank();
            assertThat(rule.getHttp().getPaths().get(0).getBackend().getService().getName()).isEqualTo("sovereign-bidder-portal");
        });
    }

    @Test
    @DisplayName("the default values stay small: one replica each, no HPA, no Ingress")
    void defaultsAreSmall() {
        Rendered defaults = Charts.umbrella(Values.DEFAULT);
        assertThat(defaults.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(defaults.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(defaults.all(Ingress.class)).isEmpty();
    }
}
