package io.sovereign.settlement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.settlement.chain.BondFactoryContract;
import io.sovereign.settlement.chain.BondIssuance;
import io.sovereign.settlement.chain.BondTokenContract;
import io.sovereign.settlement.chain.ChainConfig;
import io.sovereign.settlement.chain.EvmClient;
import io.sovereign.settlement.chain.IdentityRegistryContract;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The EVM ledger as settlement uses it: one agent client built from {@link ChainConfig}, and the
 * identity registry and bond factory, deployed once by the agent (or configured) and kept in
 * {@code chain_contract}, so that every start and every replica uses the same ones. The client
 * connects at first use: settlement starts, and keeps its database work going, while the node is
 * unreachable; chain work waits for it.
 */
@ApplicationScoped
public class Ledger {

    static final String REGISTRY = "IdentityRegistry";
    static final String FACTORY = "BondFactory";
    private static final String NO_CODE = "0x";

    private static final Logger LOG = Logger.getLogger(Ledger.class);

    /** The registry and factory in use, and the issuance that mints through the factory's tokens. */
    public record Contracts(IdentityRegistryContract registry, BondFactoryContract factory, BondIssuance issuance) {
    }

    private final ChainConfig config;
    private final EntityManager em;
    private final ChainTasks tasks;
    private volatile EvmClient client;
    private volatile Contracts contracts;

    public Ledger(ChainConfig config, EntityManager em, ChainTasks tasks) {
        this.config = config;
        this.em = em;
        this.tasks = tasks;
    }

    /** The agent's client; {@link LedgerUnavailableException} if the node cannot be reached or no key is set. */
    public EvmClient client() {
        EvmClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    try {
                        client = config.agentClient();
                    } catch (RuntimeException e) {
                        throw new LedgerUnavailableException("The EVM node at " + config.rpcUrl() + " cannot be used: "
                                + e.getMessage(), e);
                    }
                }
                c = client;
            }
        }
        return c;
    }

    /**
     * The contracts, deployed now if this chain has none yet. Deploying signs transactions: only the
     * holder of the {@link SignerLock} calls this.
     */
    public synchronized Contracts contracts() {
        if (contracts == null) {
            contracts = load().orElseGet(this::deploy);
        }
        return contracts;
    }

    /**
     * Runs calls to the node, turning "cannot reach it" into {@link LedgerUnavailableException}
     * (a 503 for an API caller, a retry for the worker).
     */
    public <T> T read(Supplier<T> calls) {
        try {
            return calls.get();
        } catch (UncheckedIOException e) {
            throw new LedgerUnavailableException("The EVM node at " + config.rpcUrl() + " cannot be reached: "
                    + e.getMessage(), e);
        }
    }

    /** The token at {@code address}, driven by the agent. */
    public BondTokenContract token(String address) {
        return BondTokenContract.at(address, client());
    }

    private Contracts of(String registry, String factory) {
        EvmClient c = client();
        return new Contracts(IdentityRegistryContract.at(registry, c), BondFactoryContract.at(factory, c),
                new BondIssuance(BondFactoryContract.at(factory, c), config.mintBatchSize()));
    }

    private Optional<Contracts> load() {
        Map<String, String> stored = stored();
        String registry = config.identityRegistry().orElse(stored.get(REGISTRY));
        String factory = config.bondFactory().orElse(stored.get(FACTORY));
        if (registry == null || factory == null) {
            return Optional.empty();
        }
        EvmClient c = client();
        boolean present = !NO_CODE.equals(c.code(registry)) && !NO_CODE.equals(c.code(factory));
        if (!present) {
            if (config.identityRegistry().isPresent() || !config.redeployIfMissing()) {
                throw new IllegalStateException("No contract at " + registry + " or " + factory + " on chain "
                        + config.id() + " (" + config.rpcUrl() + "): is this the chain settlement wrote to? "
                        + "Set sovereign.chain.redeploy-if-missing=true only for a development node started afresh.");
            }
            LOG.warnf("The contracts at %s and %s are gone from chain %d (a development node started afresh): "
                    + "deploying new ones; tokens are deployed again as they are needed", registry, factory, config.id());
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from chain_contract where chain_id = ?1").setParameter(1, config.id())
                        .executeUpdate();
                em.createNativeQuery("update security set token_address = null, total_supply = 0").executeUpdate();
            });
            return Optional.empty();
        }
        if (!registry.equalsIgnoreCase(stored.getOrDefault(REGISTRY, "")) || !factory.equalsIgnoreCase(
                stored.getOrDefault(FACTORY, ""))) {
            store(registry, factory);
        }
        LOG.infof("Chain %d: identity registry %s, bond factory %s", config.id(), registry, factory);
        return Optional.of(of(registry, factory));
    }

    private Contracts deploy() {
        EvmClient c = client();
        String agent = c.address();
        // the agent owns what it deploys here; on another chain the owner deploys and configures the addresses
        IdentityRegistryContract registry = IdentityRegistryContract.deploy(c, agent);
        registry.addAgent(agent);
        BondFactoryContract factory = BondFactoryContract.deploy(c, agent, registry.address());
        factory.addAgent(agent);
        store(registry.address(), factory.address());
        // a new registry knows no wallet: every investor's identity is written to it again
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> investors = em.createNativeQuery("select investor_id from investor where wallet_address is not null")
                    .getResultList();
            investors.forEach(id -> tasks.request(ChainTasks.SYNC_INVESTOR, id));
        });
        LOG.infof("Chain %d: deployed identity registry %s and bond factory %s (owner and agent %s)", config.id(),
                registry.address(), factory.address(), agent);
        return of(registry.address(), factory.address());
    }

    private void store(String registry, String factory) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Map.Entry<String, String> e : Map.of(REGISTRY, registry, FACTORY, factory).entrySet()) {
                em.createNativeQuery("insert into chain_contract (chain_id, name, address, created_at) values (?1, ?2, ?3, ?4) "
                        + "on conflict (chain_id, name) do update set address = excluded.address, created_at = excluded.created_at")
                        .setParameter(1, config.id()).setParameter(2, e.getKey()).setParameter(3, e.getValue())
                        .setParameter(4, Instant.now()).executeUpdate();
            }
        });
    }

    private Map<String, String> stored() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "select name, address from chain_contract where chain_id = ?1").setParameter(1, config.id())
                .getResultList());
        Map<String, String> byName = new HashMap<>();
        rows.forEach(r -> byName.put((String) r[0], (String) r[1]));
        return byName;
    }

    @PreDestroy
    void close() {
        EvmClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
