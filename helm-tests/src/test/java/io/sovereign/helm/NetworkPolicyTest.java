package io.sovereign.helm;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.sovereign.helm.Charts.Rendered;
import io.sovereign.helm.Charts.Values;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.sovereign.helm.Charts.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the architecture's paths are open: people reach the portal through the ingress controller,
 * the portal calls auction-core, identity and settlement, every service reaches DNS, its own
 * PostgreSQL, Kafka and Keycloak, settlement the EVM node, Prometheus scrapes every service (on
 * its management port);
 * everything else is denied.
 */
@DisplayName("NetworkPolicies")
class NetworkPolicyTest {

    private static final Map<String, Integer> PORTS = Map.of("identity", 8083, "auction-core", 8081,
            "settlement", 8082, "bidder-portal", 8080);

    private static NetworkPolicy policyOf(Rendered rendered, Deployment deployment) {
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> selecting = rendered.all(NetworkPolicy.class).stream()
                .filter(p -> podLabels.entrySet().containsAll(p.getSpec().getPodSelector().getMatchLabels().entrySet()))
                .toList();
        assertThat(selecting).as("policies selecting " + Charts.service(deployment)).hasSize(1);
        return selecting.get(0);
    }

    /** A peer in words: "service bidder-portal", "postgresql <cluster>", "namespace kafka", "ip 203.0.113.10/32". */
    static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ip " + peer.getIpBlock().getCidr();
        }
        String namespace = labels(peer.getNamespaceSelector()).get("kubernetes.io/metadata.name");
        Map<String, String> pods = labels(peer.getPodSelector());
        if (namespace == null && pods.containsKey("app.kubernetes.io/name")) {
            return "service " + pods.get("app.kubernetes.io/name");
        }
        if (pods.containsKey("cnpg.io/cluster")) {
            return "postgresql " + pods.get("cnpg.io/cluster");
        }
        return namespace == null ? "pods " + pods : "namespace " + namespace;
    }

    private static Map<String, String> labels(LabelSelector selector) {
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    private static Set<String> ingressSources(NetworkPolicy policy) {
        Set<String> sources = new TreeSet<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            rule.getFrom().forEach(p -> sources.add(describe(p)));
        }
        return sources;
    }

    private static Set<String> egressDestinations(NetworkPolicy policy) {
        Set<String> destinations = new TreeSet<>();
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            rule.getTo().forEach(p -> destinations.add(describe(p)));
        }
        return destinations;
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("every service's pods are isolated in and out (both policy types): what no rule allows is denied")
    void everyServiceIsDefaultDeny(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            NetworkPolicy policy = policyOf(rendered, deployment);
            assertThat(policy.getSpec().getPolicyTypes()).as(Charts.service(deployment)).containsExactlyInAnyOrder("Ingress", "Egress");
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("no rule is open-ended: each names its peers and its ports, and no ipBlock is 0.0.0.0/0")
    void noRuleIsOpenEnded(Values values) {
        for (NetworkPolicy policy : Charts.umbrella(values).all(NetworkPolicy.class)) {
            String name = policy.getMetadata().getName();
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getFrom()).as(name + " ingress peers").isNotEmpty();
                assertThat(rule.getPorts()).as(name + " ingress ports").isNotEmpty();
            }
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                assertThat(rule.getTo()).as(name + " egress peers").isNotEmpty();
                assertThat(rule.getPorts()).as(name + " egress ports").isNotEmpty();
                rule.getTo().forEach(p -> assertThat(describe(p)).as(name + " egress").isNotEqualTo("ip 0.0.0.0/0"));
            }
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("ingress: the portal from the ingress controller, the services from the portal, auction-core also from settlement, on their HTTP port only; Prometheus on the management port only")
    void ingressOnlyFromTheArchitecturesCallers(Values values) {
        Rendered rendered = Charts.umbrella(values);
        assertThat(ingressSources(policyOf(rendered, rendered.deployment("bidder-portal"))))
                .containsExactlyInAnyOrder("namespace ingress-nginx", "namespace monitoring");
        assertThat(ingressSources(policyOf(rendered, rendered.deployment("identity"))))
                .containsExactlyInAnyOrder("service bidder-portal", "namespace monitoring");
        assertThat(ingressSources(policyOf(rendered, rendered.deployment("settlement"))))
                .containsExactlyInAnyOrder("service bidder-portal", "namespace monitoring");
        // dealers' trading systems reach the bid API through the ingress controller in production
        Set<String> core = ingressSources(policyOf(rendered, rendered.deployment("auction-core")));
        if (values == Values.PRODUCTION) {
            assertThat(core).containsExactlyInAnyOrder("service bidder-portal", "service settlement", "namespace monitoring",
                    "namespace ingress-nginx");
        } else {
            assertThat(core).containsExactlyInAnyOrder("service bidder-portal", "service settlement", "namespace monitoring");
        }
        for (String service : SERVICES) {
            for (NetworkPolicyIngressRule rule : policyOf(rendered, rendered.deployment(service)).getSpec().getIngress()) {
                boolean prometheus = rule.getFrom().stream().map(NetworkPolicyTest::describe).anyMatch("namespace monitoring"::equals);
                int port = prometheus ? PORTS.get(service) + 1000 : PORTS.get(service);
                assertThat(rule.getFrom()).extracting(NetworkPolicyTest::describe).as(service + " rule peers")
                        .allSatisfy(peer -> assertThat(peer.equals("namespace monitoring")).isEqualTo(prometheus));
                assertThat(rule.getPorts()).extracting(NetworkPolicyPort::getPort)
                        .as(service + " ingress ports").allSatisfy(p -> assertThat(p.getIntVal()).isEqualTo(port));
            }
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("egress: DNS, the service's own PostgreSQL, Kafka, Keycloak; the portal also the three services; settlement also the EVM node and auction-core")
    void egressOnlyToTheArchitecturesDependencies(Values values) {
        Rendered rendered = Charts.umbrella(values);
        String keycloak = values == Values.PRODUCTION ? "ip 203.0.113.10/32" : "namespace keycloak";
        String evm = values == Values.PRODUCTION ? "ip 198.51.100.20/32" : "namespace evm";
        Map<String, String> clusters = Map.of("identity", "sovereign-identity-pg", "auction-core", "sovereign-auction-core-pg",
                "settlement", "sovereign-settlement-pg", "bidder-portal", "sovereign-portal-pg");
        for (String service : SERVICES) {
            Set<String> expected = new TreeSet<>(Set.of("namespace kube-system", "postgresql " + clusters.get(service),
                    "namespace kafka", keycloak));
            if (service.equals("bidder-portal")) {
                expected.addAll(Set.of("service auction-core", "service identity", "service settlement"));
            }
            if (service.equals("settlement")) {
                expected.addAll(Set.of(evm, "service auction-core"));
            }
            assertThat(egressDestinations(policyOf(rendered, rendered.deployment(service)))).as(service + " egress")
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    @DisplayName("the portal's egress to a service uses that service's port")
    void portalEgressPortsMatchTheServices() {
        Rendered rendered = Charts.umbrella(Values.DEFAULT);
        NetworkPolicy portal = policyOf(rendered, rendered.deployment("bidder-portal"));
        for (NetworkPolicyEgressRule rule : portal.getSpec().getEgress()) {
            String to = describe(rule.getTo().get(0));
            if (to.startsWith("service ")) {
                assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).as(to)
                        .containsExactly(PORTS.get(to.substring("service ".length())));
            }
        }
    }
}
