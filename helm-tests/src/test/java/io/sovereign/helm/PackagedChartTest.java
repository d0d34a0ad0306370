package io.sovereign.helm;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.sovereign.helm.Charts.Rendered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checked-in links under charts/ become real content in a package: the archive stands alone. */
@DisplayName("helm package")
class PackagedChartTest {

    @Test
    @DisplayName("the umbrella chart packages into one archive that renders the four services with the production values")
    void umbrellaPackageIsSelfContained(@TempDir Path tmp) {
        Helm packaged = Charts.helm(Charts.UMBRELLA).packageIt().withDestination(tmp).call();

        Rendered rendered = Charts.parse(packaged.template().withName(Charts.RELEASE).withNamespace(Charts.NAMESPACE)
                .withValuesFile(Charts.chart(Charts.UMBRELLA).resolve("values-production.yaml")).call());

        assertThat(tmp.resolve("sovereign-platform-1.0.0.tgz")).isRegularFile();
        assertThat(rendered.all(Deployment.class)).extracting(Charts::service)
                .containsExactlyInAnyOrderElementsOf(Charts.SERVICES);
    }
}
