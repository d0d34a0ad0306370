package io.sovereign.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.sovereign.helm.Charts.Rendered;
import io.sovereign.helm.Charts.Values;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.sovereign.helm.Charts.SECRET_LOOKING;
import static io.sovereign.helm.Charts.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The umbrella chart rendered with its default values and with values-production.yaml, parsed into
 * Kubernetes models: what must hold for any install.
 */
@DisplayName("sovereign-platform rendered")
class RenderedPlatformTest {

    private static Stream<Container> containers(Rendered rendered) {
        return rendered.all(Deployment.class).stream().flatMap(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            return Stream.concat(pod.getContainers().stream(),
                    pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream());
        });
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("one Deployment, Service, ConfigMap, ServiceAccount, PodDisruptionBudget and NetworkPolicy per service")
    void everyServiceHasItsObjects(Values values) {
        Rendered rendered = Charts.umbrella(values);
        assertThat(rendered.all(Deployment.class)).extracting(Charts::service).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String kind : List.of("Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget", "NetworkPolicy")) {
            assertThat(rendered.count(kind)).as(kind + " objects").isEqualTo(SERVICES.size());
        }
        for (String service : SERVICES) {
            Service svc = rendered.named(Service.class, Charts.RELEASE + "-" + service).orElseThrow();
            assertThat(svc.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", service);
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("every container has startup, readiness (/q/health/ready) and liveness (/q/health/live) probes on its management port")
    void everyContainerHasHealthProbes(Values values) {
        containers(Charts.umbrella(values)).forEach(c -> {
            assertThat(path(c.getReadinessProbe())).as(c.getName() + " readiness probe").isEqualTo("/q/health/ready");
            assertThat(path(c.getLivenessProbe())).as(c.getName() + " liveness probe").isEqualTo("/q/health/live");
            assertThat(path(c.getStartupProbe())).as(c.getName() + " startup probe").startsWith("/q/health/");
            for (Probe probe : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal())
                        .as(c.getName() + " probes the container's management port").isEqualTo("management");
            }
        });
    }

    private static String path(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("every container requests and limits cpu and memory")
    void everyContainerHasRequestsAndLimits(Values values) {
        containers(Charts.umbrella(values)).forEach(c -> {
            assertThat(c.getResources().getRequests()).as(c.getName() + " requests").containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(c.getName() + " limits").containsKeys("cpu", "memory");
        });
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("every image has a pinned tag: never latest, never untagged")
    void everyImageIsPinned(Values values) {
        containers(Charts.umbrella(values)).forEach(c -> {
            String image = c.getImage();
            String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            int colon = withoutDigest.lastIndexOf(':');
            assertThat(colon > withoutDigest.lastIndexOf('/')).as(image + " has a tag").isTrue();
            assertThat(withoutDigest.substring(colon + 1)).as(image + " tag").isNotBlank().isNotEqualTo("latest");
        });
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("every service has a PodDisruptionBudget selecting its pods")
    void everyServiceHasAPodDisruptionBudget(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(rendered.all(PodDisruptionBudget.class))
                    .as("PDB for " + Charts.service(deployment))
                    .anySatisfy(pdb -> assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels()));
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("no Secret is rendered: secrets are referenced, never written")
    void noSecretObjectIsRendered(Values values) {
        assertThat(Charts.umbrella(values).all(Secret.class))
                .allSatisfy(s -> {
                    assertThat(s.getData()).as(s.getMetadata().getName() + " data").isNullOrEmpty();
                    assertThat(s.getStringData()).as(s.getMetadata().getName() + " stringData").isNullOrEmpty();
                });
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("an env var named like a secret (PASSWORD, SECRET, KEY, TOKEN) comes from a secretKeyRef, never a literal")
    void secretLookingEnvVarsUseSecretKeyRefs(Values values) {
        containers(Charts.umbrella(values)).forEach(c -> {
            for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                if (SECRET_LOOKING.matcher(env.getName()).find()) {
                    assertThat(env.getValue()).as(c.getName() + " " + env.getName() + " literal value").isNull();
                    assertThat(env.getValueFrom()).as(c.getName() + " " + env.getName() + " valueFrom").isNotNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as(c.getName() + " " + env.getName() + " secretKeyRef").isNotNull();
                }
            }
        });
        for (ConfigMap map : Charts.umbrella(values).all(ConfigMap.class)) {
            assertThat(map.getData().keySet()).as(map.getMetadata().getName() + " keys")
                    .noneMatch(k -> SECRET_LOOKING.matcher(k).find());
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("each service reads its database password and user from a Secret; the portal its client secret, settlement its agent key")
    void secretsAreReferencedByName(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (String service : SERVICES) {
            assertThat(secretRefs(rendered.deployment(service))).as(service).containsKeys("DB_PASSWORD", "DB_USER");
        }
        assertThat(secretRefs(rendered.deployment("bidder-portal"))).containsKey("PORTAL_CLIENT_SECRET");
        assertThat(secretRefs(rendered.deployment("settlement"))).containsKey("EVM_AGENT_KEY");
        assertThat(secretRefs(rendered.deployment("identity"))).containsKey("KEYCLOAK_ADMIN_CLIENT_SECRET");
    }

    static Map<String, String> secretRefs(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName,
                        e -> e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()));
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("pods run as non-root on a read-only root file system with /tmp on an emptyDir, all capabilities dropped")
    void podsAreLockedDown(Values values) {
        for (Deployment d : Charts.umbrella(values).all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String name = Charts.service(d);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " pod runAsNonRoot").isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " automounts no token").isFalse();
            Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst().orElseThrow();
            assertThat(tmp.getEmptyDir()).as(name + " /tmp volume is an emptyDir").isNotNull();
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name + " read-only root").isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name + " privilege escalation").isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name + " drops").contains("ALL");
                assertThat(c.getVolumeMounts()).as(name + " mounts")
                        .anySatisfy(m -> {
                            assertThat(m.getName()).isEqualTo("tmp");
                            assertThat(m.getMountPath()).isEqualTo("/tmp");
                        });
            }
        }
        assertThat(Charts.umbrella(values).all(ServiceAccount.class))
                .allSatisfy(sa -> assertThat(sa.getAutomountServiceAccountToken()).as(sa.getMetadata().getName()).isFalse());
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("each ConfigMap carries Kafka, Keycloak and its database; the portal the URLs of the three services; settlement its EVM node")
    void configMapsCarryTheNonSecretEnvironment(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (String service : SERVICES) {
            assertThat(rendered.configMap(service).getData()).as(service)
                    .containsKeys("KAFKA_BOOTSTRAP_SERVERS", "KEYCLOAK_URL", "DB_HOST", "PG_PORT", "DB_NAME");
            Container c = rendered.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getEnvFrom()).as(service + " envFrom")
                    .anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo(Charts.RELEASE + "-" + service));
        }
        Map<String, String> portal = rendered.configMap("bidder-portal").getData();
        assertThat(portal).containsEntry("AUCTION_CORE_URL", "http://sovereign-auction-core:8081")
                .containsEntry("IDENTITY_URL", "http://sovereign-identity:8083")
                .containsEntry("SETTLEMENT_URL", "http://sovereign-settlement:8082");
        for (String url : List.of("AUCTION_CORE_URL", "IDENTITY_URL", "SETTLEMENT_URL")) {
            String host = portal.get(url).replaceAll("^http://([^:]+):.*$", "$1");
            assertThat(rendered.named(Service.class, host)).as(url + " names a rendered Service").isPresent();
        }
        assertThat(rendered.configMap("settlement").getData()).containsKeys("EVM_RPC_URL", "EVM_CHAIN_ID");
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("the dev seed is off (DEV_SEED false) in identity and settlement")
    void devSeedIsOff(Values values) {
        for (String service : List.of("identity", "settlement")) {
            assertThat(Charts.umbrella(values).configMap(service).getData()).as(service).containsEntry("DEV_SEED", "false");
        }
    }
}
