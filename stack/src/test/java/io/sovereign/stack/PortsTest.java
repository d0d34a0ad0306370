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
    void eachServiceHasAManagementPortAThousandAboveItsApiPort() {
        Ports p = Ports.defaults();
        assertThat(p.byEnvName()).containsEntry("PORTAL_MANAGEMENT_PORT", 9080)
                .containsEntry("AUCTION_CORE_MANAGEMENT_PORT", 9081).containsEntry("SETTLEMENT_MANAGEMENT_PORT", 9082)
                .containsEntry("IDENTITY_MANAGEMENT_PORT", 9083);
        for (Service s : Service.values()) {
            assertThat(s.managementPort(p)).as(s.module()).isEqualTo(s.port(p) + Ports.MANAGEMENT_OFFSET);
            assertThat(p.byEnvName()).containsEntry(s.managementPortVariable(), s.managementPort(p));
        }
        Ports overridden = p.withOverrides(Map.of("SETTLEMENT_MANAGEMENT_PORT", "9282"));
        assertThat(overridden.settlementManagement()).isEqualTo(9282);
        assertThat(overridden.settlement()).isEqualTo(8082);
        assertThat(p.shifted(10_000).portalManagement()).isEqualTo(19080);
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
