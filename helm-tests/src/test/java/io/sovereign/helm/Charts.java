package io.sovereign.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The charts under helm/, rendered through helm-java (Helm's own library: no binary, no cluster). */
final class Charts {

    static final String RELEASE = "sovereign";
    static final String NAMESPACE = "sovereign";
    static final String UMBRELLA = "sovereign-platform";
    static final List<String> SERVICES = List.of("identity", "auction-core", "settlement", "bidder-portal");
    static final List<String> ALL_CHARTS = List.of("sovereign-common", "identity", "auction-core", "settlement",
            "bidder-portal", UMBRELLA);

    /** An environment variable or ConfigMap key that names a secret: PASSWORD, SECRET, KEY, TOKEN... as a word. */
    static final Pattern SECRET_LOOKING = Pattern.compile("(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIALS?)(_|$)");

    /** The values files of the umbrella chart a user installs with. */
    enum Values {
        DEFAULT(null), PRODUCTION("values-production.yaml");

        final String file;

        Values(String file) {
            this.file = file;
        }
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<Values, Rendered> CACHE = new ConcurrentHashMap<>();

    private Charts() {
    }

    static Path dir() {
        return Path.of(System.getProperty("helm.charts.dir", "../helm")).toAbsolutePath().normalize();
    }

    static Path chart(String name) {
        Path chart = dir().resolve(name);
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + chart);
        }
        return chart;
    }

    static Helm helm(String name) {
        return new Helm(chart(name));
    }

    /** The umbrella chart rendered with the given values, parsed (cached: the charts do not change during a run). */
    static Rendered umbrella(Values values) {
        return CACHE.computeIfAbsent(values, v -> {
            TemplateCommand template = template(UMBRELLA);
            if (v.file != null) {
                template = template.withValuesFile(chart(UMBRELLA).resolve(v.file));
            }
            return parse(template.call());
        });
    }

    static TemplateCommand template(String chart) {
        return helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
    }

    static Rendered parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            boolean empty = document.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
            if (!empty) {
                objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return new Rendered(List.copyOf(objects));
    }

    /** The objects of one rendering. */
    record Rendered(List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        long count(String kind) {
            return objects.stream().filter(o -> o.getKind().equals(kind)).count();
        }

        /** The Deployment of a service of the platform, by chart name. */
        Deployment deployment(String service) {
            return named(Deployment.class, RELEASE + "-" + service)
                    .orElseThrow(() -> new AssertionError("no Deployment for " + service));
        }

        ConfigMap configMap(String service) {
            return named(ConfigMap.class, RELEASE + "-" + service)
                    .orElseThrow(() -> new AssertionError("no ConfigMap for " + service));
        }

        <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
            return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
        }
    }

    /** The chart name of the service a Deployment runs (its app.kubernetes.io/name label). */
    static String service(HasMetadata object) {
        return object.getMetadata().getLabels().get("app.kubernetes.io/name");
    }
}
