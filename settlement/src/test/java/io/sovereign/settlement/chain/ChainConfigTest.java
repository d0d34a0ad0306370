package io.sovereign.settlement.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HardhatNode.class)
class ChainConfigTest {

    private static ChainConfig config(Map<String, String> properties) {
        // Quarkus's own converter reads durations such as "200ms"
        return new SmallRyeConfigBuilder().withMapping(ChainConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(ChainConfig.class);
    }

    private static Map<String, String> properties(HardhatNode.Node node, String chainId) {
        Map<String, String> p = new HashMap<>();
        p.put("sovereign.chain.id", chainId);
        p.put("sovereign.chain.rpc-url", node.rpcUrl());
        return p;
    }

    @Test
    void theAgentSignsWithTheKeyFromConfiguration(HardhatNode.Node node) {
        Map<String, String> p = properties(node, "31337");
        p.put("sovereign.chain.agent-key", HardhatNode.KEYS.get(0));
        ChainConfig config = config(p);

        assertThat(config.mintBatchSize()).isEqualTo(250);
        assertThat(config.receiptPollInterval()).isEqualTo(Duration.ofMillis(200));
        try (EvmClient agent = config.agentClient()) {
            assertThat(agent.address()).isEqualTo(ChainFixture.wallet(0));
            assertThat(agent.chainId()).isEqualTo(31337);
        }
    }

    @Test
    void noKeyNoClient(HardhatNode.Node node) {
        ChainConfig config = config(properties(node, "31337"));

        assertThatThrownBy(config::agentClient).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sovereign.chain.agent-key (EVM_AGENT_KEY) is not set");
    }

    @Test
    void aNodeOfAnotherChainIsRefused(HardhatNode.Node node) {
        Map<String, String> p = properties(node, "1");
        p.put("sovereign.chain.agent-key", HardhatNode.KEYS.get(0));

        assertThatThrownBy(() -> config(p).agentClient()).isInstanceOf(IllegalStateException.class)
                .hasMessage("The node at " + node.rpcUrl() + " is chain 31337, not 1");
    }
}
