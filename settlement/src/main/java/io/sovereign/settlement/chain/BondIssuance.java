package io.sovereign.settlement.chain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issues bonds through a factory: one token per ISIN, allocations minted in batches. Safe to run
 * again after a crash: a token already deployed is reused, an allocation already minted is
 * skipped (the token records every allocation id and would refuse it anyway).
 */
public final class BondIssuance {

    /** What became of one allocation: minted now in {@code txHash}, or found minted before (no hash). */
    public record Minted(String allocationId, String txHash) {

        public boolean mintedBefore() {
            return txHash == null;
        }
    }

    private final BondFactoryContract factory;
    private final int batchSize;

    /**
     * @param batchSize allocations per transaction; a batch must fit the chain's transaction gas
     *                  cap (16,777,216 since Osaka), see the gas figures in the settlement README
     */
    public BondIssuance(BondFactoryContract factory, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, not " + batchSize);
        }
        this.factory = factory;
        this.batchSize = batchSize;
    }

    /** The token of {@code terms.isin()}, deployed now if the factory has none. */
    public BondTokenContract tokenFor(BondTerms terms) {
        return factory.tokenOf(terms.isin()).map(token -> {
            BondTerms onChain = token.terms();
            if (!onChain.equals(terms)) {
                throw new IllegalStateException("The token of " + terms.isin() + " at " + token.address()
                        + " has other terms: " + onChain + ", not " + terms);
            }
            return token;
        }).orElseGet(() -> factory.deployBond(terms));
    }

    /** Is told of each batch transaction once it is signed and before it is sent. */
    @FunctionalInterface
    public interface BatchRecorder {
        BatchRecorder NONE = (batch, tx) -> { };

        /**
         * Records that {@code batch} is being minted by {@code tx}; if this throws, nothing is sent.
         */
        void beforeBroadcast(List<AllocationMint> batch, SignedTransaction tx);
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Mints every allocation of {@code mints} that {@code token} has not minted yet, {@code batchSize}
     * per transaction; a batch is minted whole or not at all (a revert names the rule it broke).
     *
     * @return one outcome per allocation, in the order given
     */
    public List<Minted> mint(BondTokenContract token, List<AllocationMint> mints) {
        return mint(token, mints, BatchRecorder.NONE);
    }

    /**
     * {@link #mint(BondTokenContract, List)}, telling {@code recorder} of each batch transaction
     * before it is sent, so that a process that dies while waiting for the receipt finds it again.
     */
    public List<Minted> mint(BondTokenContract token, List<AllocationMint> mints, BatchRecorder recorder) {
        Set<String> seen = new HashSet<>();
        for (AllocationMint m : mints) {
            if (!seen.add(m.allocationId())) {
                throw new IllegalArgumentException("Allocation " + m.allocationId() + " appears twice");
            }
        }
        List<Minted> outcomes = new ArrayList<>(mints.size());
        for (int from = 0; from < mints.size(); from += batchSize) {
            List<AllocationMint> batch = mints.subList(from, Math.min(mints.size(), from + batchSize));
            List<Boolean> before = token.allocationsMinted(batch.stream().map(AllocationMint::allocationId).toList());
            List<AllocationMint> todo = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                if (!before.get(i)) {
                    todo.add(batch.get(i));
                }
            }
            String txHash = todo.isEmpty() ? null
                    : token.batchMint(todo, tx -> recorder.beforeBroadcast(todo, tx)).getTransactionHash();
            for (int i = 0; i < batch.size(); i++) {
                outcomes.add(new Minted(batch.get(i).allocationId(), before.get(i) ? null : txHash));
            }
        }
        return outcomes;
    }
}
