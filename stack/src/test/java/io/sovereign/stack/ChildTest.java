package io.sovereign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher does with processes: stop whole trees, and clean up after a crashed launcher. */
class ChildTest {

    @TempDir
    Path dir;

    private StackConfig config() {
        return new StackConfig(dir, dir.resolve("stack"), Ports.defaults(), false, false);
    }

    @Test
    void stoppingAChildStopsItsDescendantsToo() {
        Child child = Child.start(config(), "tree", List.of("bash", "-c", "sleep 300 & sleep 300 & wait"), dir,
                Map.of(), "sleep");
        Probe.await("children", Duration.ofSeconds(10), child,
                () -> ProcessHandle.current().descendants().count() >= 3);
        List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();

        child.stop(Duration.ofSeconds(5));

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(config().pids().resolve("tree.pid")).doesNotExist();
    }

    @Test
    void leftoversOfACrashedLauncherAreStoppedAtTheNextStart() throws Exception {
        // a server started by a launcher that then died without stopping it
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Files.createDirectories(config().pids());
        Files.writeString(config().pids().resolve("kafka.pid"), orphan.pid() + "\nsleep 300\n");

        int stopped = Child.killLeftovers(config());

        assertThat(stopped).isEqualTo(1);
        assertThat(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(config().pids().resolve("kafka.pid")).doesNotExist();
    }

    @Test
    void aPidReusedByAnotherProgramIsLeftAlone() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            Files.createDirectories(config().pids());
            Files.writeString(config().pids().resolve("keycloak.pid"), unrelated.pid() + "\n/some/keycloak/home\n");

            assertThat(Child.killLeftovers(config())).isZero();
            assertThat(unrelated.isAlive()).isTrue();
            assertThat(config().pids().resolve("keycloak.pid")).doesNotExist();
        } finally {
            unrelated.destroyForcibly();
        }
    }
}
