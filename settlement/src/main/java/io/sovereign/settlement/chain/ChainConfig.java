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

    /**
     * The IdentityRegistry to use, deployed beforehand with the owner's key (another chain);
     * absent: the agent deploys one at the first start and settlement keeps its address.
     */
    Optional<String> identityRegistry();

    /** The BondFactory to use (against {@link #identityRegistry()}); absent: deployed like the registry. */
    Optional<String> bondFactory();

    /**
     * What to do when a contract settlement deployed earlier has no code any more (a development
     * node started afresh): deploy new ones (true, the local stack) or refuse to sign (false).
     */
    @WithDefault("false")
    boolean redeployIfMissing();

    /** A client that signs as the agent; fails if no agent key is configured. */
    default EvmClient agentClient() {
        String key = agentKey().orElseThrow(() -> new IllegalStateException(
                "sovereign.chain.agent-key (EVM_AGENT_KEY) is not set: settlement cannot sign transactions"));
        return EvmClient.connect(rpcUrl(), id(), key, receiptPollInterval());
    }
}
