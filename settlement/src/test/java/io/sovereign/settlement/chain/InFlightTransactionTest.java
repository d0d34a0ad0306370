package io.sovereign.settlement.chain;

import static io.sovereign.settlement.chain.ChainFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What settlement's bond leg relies on across a crash: a transaction signed and recorded before it
 * is sent can be found by its hash and sent again from its raw bytes, harmlessly if the node has it
 * already; one whose nonce another transaction took is refused; the chain answers as it was at a
 * given block (holders of record, supply); mints and burns are found again from their logs.
 */
@ExtendWith(HardhatNode.class)
class InFlightTransactionTest {

    /** Stands for a process that dies after recording a transaction and before sending it. */
    private static final class CrashBeforeBroadcast extends RuntimeException {
    }

    private ChainFixture f;
    private BondIssuance issuance;

    @BeforeEach
    void deploy(HardhatNode.Node node) {
        f = new ChainFixture(node);
        issuance = new BondIssuance(f.factory, 250);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static List<AllocationMint> mints(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new AllocationMint(prefix + "-" + i, wallet(1 + i % 2), 100L * (i + 1))).toList();
    }

    /** Signs a batch mint of {@code mints} and "crashes" before sending it; the signed transaction. */
    private SignedTransaction signedButNotSent(BondTokenContract token, List<AllocationMint> mints) {
        AtomicReference<SignedTransaction> recorded = new AtomicReference<>();
        assertThatThrownBy(() -> issuance.mint(token, mints, (batch, tx) -> {
            assertThat(batch).isEqualTo(mints);
            recorded.set(tx);
            throw new CrashBeforeBroadcast();
        })).isInstanceOf(CrashBeforeBroadcast.class);
        return recorded.get();
    }

    @Test
    void aTransactionRecordedButNeverSentIsSentAgainFromItsRawBytes() {
        BondTokenContract token = f.newToken();
        List<AllocationMint> batch = mints("a", 3);
        SignedTransaction tx = signedButNotSent(token, batch);

        assertThat(tx.hash()).matches("0x[0-9a-f]{64}");
        assertThat(f.agent.knows(tx.hash())).isFalse();
        assertThat(f.agent.receipt(tx.hash())).isEmpty();
        assertThat(token.totalSupply()).isZero();

        f.agent.broadcast(tx);
        assertThat(f.agent.awaitReceipt(tx.hash()).isStatusOK()).isTrue();
        // sent once more (a restart that cannot know whether the first send arrived): nothing happens
        f.agent.broadcast(tx);

        assertThat(token.totalSupply()).isEqualTo(600);
        assertThat(token.allocationsMinted(List.of("a-0", "a-1", "a-2"))).containsOnly(true);
        assertThat(token.mintTransaction("a-1")).contains(tx.hash());
        assertThat(token.mintTransaction("never")).isEmpty();
        // the retry after the restart finds them minted by that transaction and sends nothing
        assertThat(issuance.mint(token, batch)).allMatch(BondIssuance.Minted::mintedBefore);
    }

    @Test
    void aRecordedTransactionWhoseNonceWasTakenIsRefused() {
        BondTokenContract token = f.newToken();
        SignedTransaction stale = signedButNotSent(token, mints("b", 2));
        // another transaction of the agent takes the nonce
        issuance.mint(token, mints("c", 1));

        assertThatThrownBy(() -> f.agent.broadcast(stale)).isInstanceOfSatisfying(BroadcastRefusedException.class,
                e -> assertThat(e.txHash()).isEqualTo(stale.hash()));
        assertThat(token.allocationsMinted(List.of("b-0", "b-1"))).containsOnly(false);
    }

    @Test
    void holdersOfRecordAndSupplyAreReadAsTheyWereAtABlock() {
        BondTokenContract token = f.newToken();
        issuance.mint(token, List.of(new AllocationMint("h-1", wallet(1), 1_000), new AllocationMint("h-2", wallet(2), 500)));
        long recordBlock = f.agent.blockNumber();
        issuance.mint(token, List.of(new AllocationMint("h-3", wallet(3), 70), new AllocationMint("h-4", wallet(1), 5)));
        token.as(f.signer(2)).transfer(wallet(4), 500);

        assertThat(token.holdersAt(recordBlock)).isEqualTo(Map.of(wallet(1), 1_000L, wallet(2), 500L));
        assertThat(token.totalSupply(recordBlock)).isEqualTo(1_500);
        assertThat(token.balanceOf(wallet(1), recordBlock)).isEqualTo(1_000);
        // now: wallet #2 gave everything away and is no holder any more
        assertThat(token.holdersAt(f.agent.blockNumber())).isEqualTo(Map.of(wallet(1), 1_005L, wallet(3), 70L,
                wallet(4), 500L));
        assertThat(token.totalSupply(f.agent.blockNumber())).isEqualTo(1_575);
    }

    @Test
    void aBurnIsFoundAgainFromItsTransferToTheZeroAddress() {
        BondTokenContract token = f.newToken();
        issuance.mint(token, List.of(new AllocationMint("r-1", wallet(1), 1_000)));
        assertThat(token.lastBurnTransaction(wallet(1))).isEmpty();

        String burn = token.burn(wallet(1), 1_000).getTransactionHash();

        assertThat(token.lastBurnTransaction(wallet(1))).contains(burn);
        assertThat(token.lastBurnTransaction(wallet(2))).isEmpty();
        assertThat(f.agent.code(token.address())).startsWith("0x").hasSizeGreaterThan(2);
        assertThat(f.agent.code(wallet(5))).isEqualTo("0x");
    }
}
