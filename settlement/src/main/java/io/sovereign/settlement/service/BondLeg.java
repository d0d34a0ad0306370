package io.sovereign.settlement.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.events.AllocationSettled;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.settlement.chain.AllocationMint;
import io.sovereign.settlement.chain.BondIssuance;
import io.sovereign.settlement.chain.BondTokenContract;
import io.sovereign.settlement.chain.BroadcastRefusedException;
import io.sovereign.settlement.chain.ContractRevertException;
import io.sovereign.settlement.chain.EvmClient;
import io.sovereign.settlement.chain.IdentityRegistryContract;
import io.sovereign.settlement.chain.SignedTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The bond leg of delivery versus payment: instructions whose cash is booked (CASH_DEBITED) are
 * minted, per ISIN and in batches ({@link BondIssuance}: allocations the token minted before are
 * skipped, and the token refuses any allocation id twice), then SETTLED with the transaction's hash
 * and AllocationSettled through the outbox, in one database transaction.
 * <p>
 * Crash safety: each batch transaction is signed, then recorded ({@code chain_tx} with its raw
 * bytes, and its hash on the instructions) before it is sent. A restart first finishes what is in
 * flight: a mined transaction settles its instructions, a reverted or refused one frees them for
 * another batch, one the node never saw is sent again from its raw bytes. Node errors stop the
 * run (the worker retries with backoff); nothing whose cash is booked is ever dropped. A wallet
 * that cannot receive now (not verified, frozen) holds its instructions back for a while, with
 * the reason shown, and they are tried again.
 * <p>
 * Signs as the agent: only the holder of the {@link SignerLock} runs it.
 */
@ApplicationScoped
public class BondLeg {

    private static final Logger LOG = Logger.getLogger(BondLeg.class);
    /** Batches read per round (several ISINs may share a round). */
    private static final int BATCHES_PER_ROUND = 4;
    /** How long instructions wait when their wallet cannot receive or their batch was refused. */
    private static final Duration HOLD = Duration.ofSeconds(15);

    private record Pending(String allocationId, String auctionId, String isin, String investorId, String wallet,
            long amount, BigDecimal cashAmount) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final Ledger ledger;
    private final BondTokens tokens;
    private final MeterRegistry metrics;
    /** Books mined batches while the next one is minted (database and node work overlap). */
    private final ExecutorService settler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bond-leg-settler");
        t.setDaemon(true);
        return t;
    });

    public BondLeg(EntityManager em, Outbox outbox, Ledger ledger, BondTokens tokens, MeterRegistry metrics) {
        this.em = em;
        this.outbox = outbox;
        this.ledger = ledger;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    /**
     * Finishes the transactions in flight, then mints until nothing is left to mint now; the number
     * settled. A mined batch is booked (SETTLED, events) on the settler thread while the next batch
     * is minted; the run returns once every booking is done, and a booking that failed is left to
     * the recovery of the next run (its transaction is recorded).
     */
    public int run() {
        int settled = recoverInFlight();
        BondIssuance issuance = ledger.contracts().issuance();
        List<Future<Integer>> bookings = new ArrayList<>();
        try {
            while (true) {
                List<Pending> round = toMint(issuance.batchSize() * BATCHES_PER_ROUND);
                if (round.isEmpty()) {
                    break;
                }
                Map<String, List<Pending>> byIsin = new LinkedHashMap<>();
                round.forEach(p -> byIsin.computeIfAbsent(p.isin(), k -> new ArrayList<>()).add(p));
                for (Map.Entry<String, List<Pending>> e : byIsin.entrySet()) {
                    mint(issuance, e.getKey(), e.getValue(), bookings);
                }
            }
        } finally {
            settled += awaitAll(bookings);
        }
        return settled;
    }

    private static int awaitAll(List<Future<Integer>> bookings) {
        int settled = 0;
        RuntimeException failure = null;
        for (Future<Integer> f : bookings) {
            try {
                settled += f.get();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("Interrupted while booking mined batches", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return settled;
    }

    private void mint(BondIssuance issuance, String isin, List<Pending> pending, List<Future<Integer>> bookings) {
        BondTokenContract token;
        try {
            token = tokens.token(isin);
        } catch (IllegalStateException e) {
            hold(pending, "bond leg waiting: " + e.getMessage());
            return;
        }
        IdentityRegistryContract registry = ledger.contracts().registry();
        Map<String, String> blocked = new HashMap<>();
        for (String wallet : pending.stream().map(Pending::wallet).distinct().toList()) {
            if (!registry.isVerified(wallet)) {
                blocked.put(wallet, "bond leg waiting: wallet " + wallet + " is not verified on chain yet");
            } else if (token.isFrozen(wallet)) {
                blocked.put(wallet, "bond leg waiting: wallet " + wallet + " is frozen on " + isin);
            }
        }
        List<Pending> eligible = new ArrayList<>();
        for (Pending p : pending) {
            String reason = blocked.get(p.wallet());
            if (reason == null) {
                eligible.add(p);
            } else {
                hold(List.of(p), reason);
            }
        }
        for (int from = 0; from < eligible.size(); from += issuance.batchSize()) {
            mintBatch(issuance, token, eligible.subList(from, Math.min(eligible.size(), from + issuance.batchSize())),
                    bookings);
        }
    }

    private void mintBatch(BondIssuance issuance, BondTokenContract token, List<Pending> batch,
            List<Future<Integer>> bookings) {
        List<AllocationMint> mints = batch.stream().map(p -> new AllocationMint(p.allocationId(), p.wallet(), p.amount()))
                .toList();
        AtomicReference<String> sent = new AtomicReference<>();
        List<BondIssuance.Minted> outcomes;
        try {
            outcomes = issuance.mint(token, mints, (minting, tx) -> {
                record(batch.get(0).isin(), minting, tx);
                sent.set(tx.hash());
            });
        } catch (ContractRevertException e) {
            if (sent.get() != null) {
                release(sent.get(), "REVERTED");
            }
            LOG.warnf("Batch of %d allocation(s) of %s refused by the token, held back: %s", batch.size(),
                    batch.get(0).isin(), e.getMessage());
            hold(batch, "bond leg waiting: the token refused the batch: " + e.getMessage());
            return;
        }
        Map<String, List<String>> byTx = new LinkedHashMap<>();
        for (BondIssuance.Minted m : outcomes) {
            String txHash = m.mintedBefore() ? token.mintTransaction(m.allocationId()).orElseThrow(
                    () -> new IllegalStateException("Allocation " + m.allocationId() + " is minted but has no AllocationMinted log"))
                    : m.txHash();
            byTx.computeIfAbsent(txHash, k -> new ArrayList<>()).add(m.allocationId());
        }
        byTx.forEach((txHash, ids) -> bookings.add(settler.submit(() -> settle(ids, txHash))));
    }

    /**
     * What was in flight when the last run stopped (a crash, a node error): instructions still
     * CASH_DEBITED with a recorded transaction.
     */
    public int recoverInFlight() {
        @SuppressWarnings("unchecked")
        List<String> hashes = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct tx_hash from settlement_instruction where status = 'CASH_DEBITED' and tx_hash is not null")
                .getResultList());
        if (hashes.isEmpty()) {
            return 0;
        }
        EvmClient client = ledger.client();
        int settled = 0;
        for (String hash : hashes) {
            Optional<TransactionReceipt> receipt = client.receipt(hash);
            if (receipt.isEmpty()) {
                if (!client.knows(hash)) {
                    Object[] tx = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "select raw, nonce from chain_tx where tx_hash = ?1").setParameter(1, hash).getSingleResult());
                    try {
                        client.broadcast(new SignedTransaction(hash, (String) tx[0], ((Number) tx[1]).longValue()));
                        LOG.infof("Transaction %s was recorded but never reached the node: sent again", hash);
                    } catch (BroadcastRefusedException e) {
                        LOG.warnf("%s; its allocations go into another batch", e.getMessage());
                        release(hash, "DROPPED");
                        continue;
                    }
                }
                receipt = Optional.of(client.awaitReceipt(hash));
            }
            if (receipt.get().isStatusOK()) {
                @SuppressWarnings("unchecked")
                List<String> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select allocation_id from settlement_instruction where tx_hash = ?1 and status = 'CASH_DEBITED'")
                        .setParameter(1, hash).getResultList());
                settled += settle(ids, hash);
                LOG.infof("Transaction %s in flight at the last stop was mined: %d allocation(s) settled", hash, ids.size());
            } else {
                release(hash, "REVERTED");
            }
        }
        return settled;
    }

    private List<Pending> toMint(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select allocation_id, auction_id, isin, investor_id, wallet_address, amount, cash_amount "
                        + "from settlement_instruction where status = 'CASH_DEBITED' and tx_hash is null "
                        + "and (next_attempt_at is null or next_attempt_at <= ?1) order by isin, created_at, allocation_id "
                        + "limit ?2")
                .setParameter(1, Instant.now()).setParameter(2, limit).getResultList());
        return rows.stream().map(r -> new Pending((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).longValue(), (BigDecimal) r[6])).toList();
    }

    /** The batch transaction is signed and about to be sent: recorded first, so that a restart finds it. */
    private void record(String isin, List<AllocationMint> minting, SignedTransaction tx) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            List<String> ids = minting.stream().map(AllocationMint::allocationId).toList();
            em.createNativeQuery("insert into chain_tx (tx_hash, kind, subject, nonce, raw, status, created_at, updated_at) "
                    + "values (?1, 'MINT', ?2, ?3, ?4, 'SENT', ?5, ?5)").setParameter(1, tx.hash())
                    .setParameter(2, isin).setParameter(3, tx.nonce())
                    .setParameter(4, tx.raw()).setParameter(5, now).executeUpdate();
            em.createNativeQuery("update settlement_instruction set tx_hash = ?1, updated_at = ?2 "
                    + "where allocation_id in (?3) and status = 'CASH_DEBITED'").setParameter(1, tx.hash())
                    .setParameter(2, now).setParameter(3, ids).executeUpdate();
        });
    }

    /**
     * Settles the instructions of a mined transaction: SETTLED with its hash and AllocationSettled
     * for each, in one database transaction (an instruction settled before is left as it is).
     */
    private int settle(List<String> allocationIds, String txHash) {
        if (allocationIds.isEmpty()) {
            return 0;
        }
        int settled = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select allocation_id, auction_id, isin, investor_id, wallet_address, "
                    + "amount, cash_amount from settlement_instruction where allocation_id in (?1) and status = 'CASH_DEBITED' "
                    + "for update").setParameter(1, allocationIds).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
            em.createNativeQuery("update settlement_instruction set status = 'SETTLED', tx_hash = ?1, reason = null, "
                    + "next_attempt_at = null, updated_at = ?2 where allocation_id in (?3)").setParameter(1, txHash)
                    .setParameter(2, now).setParameter(3, ids).executeUpdate();
            Map<String, Long> supply = new HashMap<>();
            for (Object[] r : rows) {
                long amount = ((Number) r[5]).longValue();
                outbox.publish(new AllocationSettled((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], amount, (BigDecimal) r[6], txHash));
                supply.merge((String) r[2], amount, Long::sum);
            }
            supply.forEach((isin, amount) -> em.createNativeQuery(
                    "update security set total_supply = total_supply + ?2 where isin = ?1").setParameter(1, isin)
                    .setParameter(2, amount).executeUpdate());
            em.createNativeQuery("update chain_tx set status = 'MINED', updated_at = ?2 where tx_hash = ?1")
                    .setParameter(1, txHash).setParameter(2, now).executeUpdate();
            return rows.size();
        });
        metrics.counter("settlement.allocations.settled").increment(settled);
        return settled;
    }

    /** A recorded transaction that will never mint (reverted, refused): its instructions go into another batch. */
    private void release(String txHash, String status) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            em.createNativeQuery("update chain_tx set status = ?2, updated_at = ?3 where tx_hash = ?1").setParameter(1, txHash)
                    .setParameter(2, status).setParameter(3, now).executeUpdate();
            em.createNativeQuery("update settlement_instruction set tx_hash = null, updated_at = ?2 "
                    + "where tx_hash = ?1 and status = 'CASH_DEBITED'").setParameter(1, txHash).setParameter(2, now)
                    .executeUpdate();
        });
    }

    @PreDestroy
    void stop() {
        settler.shutdown();
    }

    private void hold(List<Pending> pending, String reason) {
        List<String> ids = pending.stream().map(Pending::allocationId).toList();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update settlement_instruction set reason = ?1, "
                + "next_attempt_at = ?2 where allocation_id in (?3) and status = 'CASH_DEBITED'")
                .setParameter(1, reason.length() > 500 ? reason.substring(0, 500) : reason)
                .setParameter(2, Instant.now().plus(HOLD)).setParameter(3, ids).executeUpdate());
    }
}
