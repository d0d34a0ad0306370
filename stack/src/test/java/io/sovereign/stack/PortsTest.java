package io.sovereign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void defaultsAreThoseOfTheContract() {
        Ports p = Ports.defaults();
        assertThat(p.byEnvName()).containsEntry("PORTAL_PORT", 8080).containsEntry("AUCTION_CORE_PORT", 8081)
                .containsEntry("SETTLEMENT_PORT", 8082).containsEntry("IDENTITY_PORT", 8083)
                .containsEntry("KEYCLOAK_PORT", 8180).containsEntry("KAFKA_PORT", 9092)
                .containsEntry("PG_PORT", 15432).containsEntry("EVM_PORT", 8545);
    }

    @Test
    void environmentVariablesOverrideSinglePorts() {
        Ports p = Ports.defaults().withOverrides(Map.of("AUCTION_CORE_PORT", "9181", "UNRELATED", "1"));
        assertThat(p.auctionCore()).isEqualTo(9181);
        assertThat(p.settlement()).isEqualTo(8082);
    }

    @Test
    void aBadPortNamesTheVariable() {
        assertThatThrownBy(() -> Ports.defaults().withOverrides(Map.of("PG_PORT", "lots")))
                .hasMessage("PG_PORT must be a port number (1-65535), not 'lots'");
        assertThatThrownBy(() -> Ports.defaults().withOverrides(Map.of("EVM_PORT", "70000")))
                .hasMessageContaining("EVM_PORT");
    }

    @Test
    void aShiftedStackUsesOtherPorts() {
        assertThat(Ports.defaults().shifted(10_000).postgres()).isEqualTo(25432);
    }
}
