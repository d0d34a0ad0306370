package io.sovereign.settlement.chain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The EVM ledger settlement writes to (application.properties, section "the ledger"). */
@ConfigMapping(prefix = "sovereign.chain")
public interface ChainConfig {

    /** Chain id of the network; a node answering another id is refused. */
    long id();

    /** JSON-RPC endpoint of a node of that chain. */
    String rpcUrl();

    /** Private key (hex) of the agent that deploys tokens and mints: from a secret, never in git. */
    Optional<String> agentKey();

    /** Allocations per batch-mint transaction. */
    @WithDefault("250")
    int mintBatchSize();

    /** How often to ask the node for a transaction's receipt. */
    @WithDefault("200ms")
    Duration receiptPollInterval();

    /** A client that signs as the agent; fails if no agent key is configured. */
    default EvmClient agentClient() {
        String key = agentKey().orElseThrow(() -> new IllegalStateException(
                "sovereign.chain.agent-key (EVM_AGENT_KEY) is not set: settlement cannot sign transactions"));
        return EvmClient.connect(rpcUrl(), id(), key, receiptPollInterval());
    }
}
