package io.sovereign.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.sovereign.helm.Charts.Rendered;
import io.sovereign.helm.Charts.Values;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.stream.Collectors;

import static io.sovereign.helm.Charts.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics live on each service's management port (API port + 1000), which the probes
 * and Prometheus use and which neither a Service nor an Ingress exposes: nothing routed from
 * outside reaches {@code /q/metrics} or {@code /q/health}.
 */
@DisplayName("management port")
class ManagementPortTest {

    private static final Map<String, Integer> API = Map.of("identity", 8083, "auction-core", 8081, "settlement", 8082,
            "bidder-portal", 8080);

    private static Container container(Rendered rendered, String service) {
        return rendered.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, Integer> ports(Container c) {
        return c.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("each container listens on http (the API port) and management (API port + 1000), told by QUARKUS_MANAGEMENT_PORT")
    void eachContainerHasAManagementPort(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (String service : SERVICES) {
            int management = API.get(service) + 1000;
            assertThat(ports(container(rendered, service))).as(service)
                    .containsExactlyInAnyOrderEntriesOf(Map.of("http", API.get(service), "management", management));
            assertThat(rendered.configMap(service).getData()).as(service)
                    .containsEntry("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("Prometheus is told to scrape /q/metrics on the management port")
    void prometheusScrapesTheManagementPort(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (String service : SERVICES) {
            Map<String, String> annotations = rendered.deployment(service).getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as(service)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", Integer.toString(API.get(service) + 1000));
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("no Service exposes the management port: each has only its API port, targeting the container's http port")
    void noServiceExposesTheManagementPort(Values values) {
        Rendered rendered = Charts.umbrella(values);
        for (Service svc : rendered.all(Service.class)) {
            String service = Charts.service(svc);
            assertThat(svc.getSpec().getPorts()).as(svc.getMetadata().getName()).singleElement().satisfies((ServicePort p) -> {
                assertThat(p.getPort()).isEqualTo(API.get(service));
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("every Ingress path routes to a Service's http port, never to the management port")
    void ingressesRouteOnlyTheApiPort(Values values) {
        Rendered rendered = Charts.umbrella(values);
        if (values == Values.PRODUCTION) {
            assertThat(rendered.all(Ingress.class)).as("production Ingresses").hasSize(2);
        }
        for (Ingress ingress : rendered.all(Ingress.class)) {
            for (var rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    Service target = rendered.named(Service.class, backend.getName()).orElseThrow();
                    assertThat(backend.getPort().getName()).as(ingress.getMetadata().getName()).isEqualTo("http");
                    assertThat(target.getSpec().getPorts()).extracting(ServicePort::getName).containsExactly("http");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} values")
    @EnumSource(Values.class)
    @DisplayName("the API port is not the management port in any Deployment")
    void apiAndManagementPortsDiffer(Values values) {
        for (Deployment d : Charts.umbrella(values).all(Deployment.class)) {
            Map<String, Integer> ports = ports(d.getSpec().getTemplate().getSpec().getContainers().get(0));
            assertThat(ports.get("management")).as(Charts.service(d)).isNotEqualTo(ports.get("http"));
        }
    }
}
