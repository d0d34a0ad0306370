package io.sovereign.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `helm lint --strict` on every chart, as it is checked in. */
@DisplayName("helm lint")
class ChartLintTest {

    static final List<String> CHARTS = Charts.ALL_CHARTS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CHARTS")
    @DisplayName("every chart lints clean in strict mode (no error, no warning)")
    void everyChartLintsClean(String chart) {
        LintResult result = Charts.helm(chart).lint().strict().call();
        assertThat(result.isFailed()).as(chart + ": " + result.getMessages()).isFalse();
        assertThat(result.getMessages()).as(chart).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    @DisplayName("lint fails on a chart whose values.yaml asks for image tag latest")
    void lintRefusesLatest(@TempDir Path tmp) throws IOException {
        Path chart = copy(Charts.chart("identity"), tmp.resolve("identity"));
        Path values = chart.resolve("values.yaml");
        String text = Files.readString(values);
        assertThat(text).contains("tag: \"1.0.0\"");
        Files.writeString(values, text.replace("tag: \"1.0.0\"", "tag: \"latest\""));

        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("/image/tag");
    }

    /** A copy of a chart with its links (charts/sovereign-common) resolved. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
