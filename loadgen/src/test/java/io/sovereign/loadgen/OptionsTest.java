package io.sovereign.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreTheLocalStackAndTheGoal() {
        Options o = Options.parse();
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.clients()).isEqualTo(64);
        assertThat(o.openLoop()).isFalse();
        assertThat(o.goal()).isTrue();
        assertThat(o.rawHttp()).isTrue();
        assertThat(o.tokenUrl()).isEqualTo("http://127.0.0.1:8180/realms/sovereign/protocol/openid-connect/token");
    }

    @Test
    void parsesBothSpellings() {
        Options o = Options.parse("--duration", "5", "--clients=8", "--rate", "500", "--warmup", "1.5",
                "--auction-core-url", "http://localhost:18081/",
                "--auction-core-management-url", "http://localhost:19081/", "--no-goal", "--dealers", "dealer-02", "--http", "jdk");
        assertThat(o.rawHttp()).isFalse();
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.warmup()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.clients()).isEqualTo(8);
        assertThat(o.openLoop()).isTrue();
        assertThat(o.auctionCoreUrl()).isEqualTo("http://localhost:18081");
        assertThat(o.auctionCoreManagementUrl()).isEqualTo("http://localhost:19081");
        assertThat(o.goal()).isFalse();
        assertThat(o.dealers()).containsExactly("dealer-02");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Options.parse("--clients", "0")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> Options.parse("--bogus", "1")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Options.parse("--duration")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> Options.parse("--http", "h2")).hasMessageContaining("raw or jdk");
    }
}
