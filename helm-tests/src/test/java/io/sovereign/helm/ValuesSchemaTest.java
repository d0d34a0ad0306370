package io.sovereign.helm;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.sovereign.helm.Charts.Rendered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json refuses what must never be installed; rendering fails before anything is applied. */
@DisplayName("values.schema.json")
class ValuesSchemaTest {

    static final List<String> SERVICES = Charts.SERVICES;

    @TempDir
    Path tmp;

    private Path valuesFile(String yaml) throws IOException {
        Path file = Files.createTempFile(tmp, "values", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private void assertUmbrellaRefuses(String yaml, String... messageParts) throws IOException {
        Path values = valuesFile(yaml);
        assertThatThrownBy(() -> Charts.template(Charts.UMBRELLA).withValuesFile(values).call())
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContainingAll(messageParts);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    @DisplayName("image.tag latest is refused, through the umbrella chart")
    void latestTagIsRefused(String service) throws IOException {
        assertUmbrellaRefuses(service + ":\n  image:\n    tag: latest\n", service, "/image/tag");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    @DisplayName("image.tag latest is refused by the service chart installed alone")
    void latestTagIsRefusedByTheServiceChart(String service) throws IOException {
        Path values = valuesFile("image:\n  tag: latest\n");
        assertThatThrownBy(() -> Charts.template(service).withValuesFile(values).call())
                .hasMessageContainingAll("values don't meet the specifications of the schema", "/image/tag");
    }

    @Test
    @DisplayName("an empty image tag is refused")
    void emptyTagIsRefused() throws IOException {
        assertUmbrellaRefuses("auction-core:\n  image:\n    tag: \"\"\n", "/image/tag");
    }

    @Test
    @DisplayName("a tag written as a YAML number (1.0) is refused: tags are strings")
    void numericTagIsRefused() throws IOException {
        assertUmbrellaRefuses("settlement:\n  image:\n    tag: 1.0\n", "/image/tag");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    @DisplayName("replicaCount 0 is refused")
    void zeroReplicasAreRefused(String service) throws IOException {
        assertUmbrellaRefuses(service + ":\n  replicaCount: 0\n", service, "/replicaCount");
    }

    @Test
    @DisplayName("a misspelt key (replicas instead of replicaCount) is refused, not ignored")
    void unknownKeyIsRefused() throws IOException {
        assertUmbrellaRefuses("auction-core:\n  replicas: 3\n", "auction-core", "replicas");
    }

    @Test
    @DisplayName("an HPA minReplicas of 0 is refused")
    void zeroMinReplicasAreRefused() throws IOException {
        assertUmbrellaRefuses("identity:\n  autoscaling:\n    enabled: true\n    minReplicas: 0\n", "/autoscaling/minReplicas");
    }

    @Test
    @DisplayName("a secret written into the ConfigMap environment (env.DB_PASSWORD) is refused: it belongs in secretEnv")
    void secretInPlainEnvIsRefused() throws IOException {
        assertUmbrellaRefuses("bidder-portal:\n  env:\n    DB_PASSWORD: hunter2\n", "DB_PASSWORD");
    }

    @Test
    @DisplayName("a secret reference without its key is refused")
    void secretReferenceNeedsAKey() throws IOException {
        assertUmbrellaRefuses("settlement:\n  secretEnv:\n    EVM_AGENT_KEY:\n      secretName: my-key\n      key: null\n",
                "/secretEnv/EVM_AGENT_KEY");
    }

    @Test
    @DisplayName("a writable root file system is refused")
    void writableRootIsRefused() throws IOException {
        assertUmbrellaRefuses("identity:\n  securityContext:\n    readOnlyRootFilesystem: false\n", "/securityContext/readOnlyRootFilesystem");
    }

    @Test
    @DisplayName("a Keycloak URL that is not http(s) is refused")
    void keycloakUrlMustBeHttp() throws IOException {
        assertUmbrellaRefuses("global:\n  keycloak:\n    url: keycloak:8080\n", "/global/keycloak/url");
    }

    @Test
    @DisplayName("Kafka TLS without the CA secret is refused")
    void kafkaTlsNeedsItsCa() throws IOException {
        assertUmbrellaRefuses("global:\n  kafka:\n    tls:\n      enabled: true\n      caSecret: \"\"\n", "/global/kafka/tls/caSecret");
    }

    @Test
    @DisplayName("an image digest pins the image after its tag")
    void digestIsAppended() throws IOException {
        String digest = "sha256:" + "a".repeat(64);
        Rendered rendered = Charts.parse(Charts.template(Charts.UMBRELLA)
                .withValuesFile(valuesFile("identity:\n  image:\n    digest: " + digest + "\n")).call());
        Deployment identity = rendered.deployment("identity");
        assertThat(identity.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("sovereign/identity:1.0.0@" + digest);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    @DisplayName("each service chart renders on its own with its defaults")
    void serviceChartRendersAlone(String service) {
        Rendered rendered = Charts.parse(Charts.template(service).call());
        assertThat(rendered.deployment(service).getSpec().getReplicas()).isEqualTo(1);
    }
}
