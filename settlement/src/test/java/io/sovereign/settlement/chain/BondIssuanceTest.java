package io.sovereign.settlement.chain;

import static io.sovereign.settlement.chain.ChainFixture.NOTE;
import static io.sovereign.settlement.chain.ChainFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HardhatNode.class)
class BondIssuanceTest {

    /** EIP-7825 (Osaka, Hardhat's default hardfork): no transaction may ask for more gas. */
    private static final long TRANSACTION_GAS_CAP = 16_777_216;

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

    /** {@code count} allocations of 1,000 to 10,000 par, spread over the dev seed's wallets #1-#4. */
    private static List<AllocationMint> allocations(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new AllocationMint(prefix + "-" + i, wallet(1 + i % 4), 1_000L * (1 + i % 10)))
                .toList();
    }

    private static long sum(List<AllocationMint> mints) {
        return mints.stream().mapToLong(AllocationMint::amount).sum();
    }

    @Test
    void oneTokenPerIsinReusedWithTheSameTerms() {
        BondTokenContract token = issuance.tokenFor(NOTE);

        assertThat(issuance.tokenFor(NOTE).address()).isEqualTo(token.address());
        BondTerms reopenedWithOtherCoupon = new BondTerms(NOTE.isin(), NOTE.name(), new BigDecimal("4.25"),
                NOTE.issueDate(), NOTE.maturityDate(), NOTE.paymentDates());
        assertThatThrownBy(() -> issuance.tokenFor(reopenedWithOtherCoupon)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has other terms");
    }

    @Test
    void mintsInBatchesAndARetryMintsOnlyWhatIsMissing() {
        BondTokenContract token = issuance.tokenFor(NOTE);
        List<AllocationMint> first = allocations("auction-1", 600);

        List<BondIssuance.Minted> minted = issuance.mint(token, first);

        assertThat(minted).extracting(BondIssuance.Minted::allocationId)
                .containsExactlyElementsOf(first.stream().map(AllocationMint::allocationId).toList());
        assertThat(minted).noneMatch(BondIssuance.Minted::mintedBefore);
        assertThat(minted.stream().map(BondIssuance.Minted::txHash).distinct()).hasSize(3);
        assertThat(token.totalSupply()).isEqualTo(sum(first));
        for (int w = 1; w <= 4; w++) {
            String wallet = wallet(w);
            assertThat(token.balanceOf(wallet))
                    .isEqualTo(sum(first.stream().filter(m -> m.wallet().equals(wallet)).toList()));
        }

        // after a crash: the same allocations again, and ten that were not sent
        List<AllocationMint> retry = new ArrayList<>(first);
        retry.addAll(allocations("auction-1-late", 10));
        List<BondIssuance.Minted> again = issuance.mint(token, retry);

        assertThat(again.subList(0, 600)).allMatch(BondIssuance.Minted::mintedBefore);
        assertThat(again.subList(600, 610)).noneMatch(BondIssuance.Minted::mintedBefore);
        assertThat(token.totalSupply()).isEqualTo(sum(retry));
    }

    @Test
    void anAllocationTwiceInOneRequestIsRefusedBeforeAnythingIsSent() {
        BondTokenContract token = issuance.tokenFor(NOTE);
        List<AllocationMint> twice = List.of(new AllocationMint("x", wallet(1), 5), new AllocationMint("x", wallet(2), 5));

        assertThatThrownBy(() -> issuance.mint(token, twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x appears twice");
        assertThat(token.totalSupply()).isZero();
    }

    @Test
    void aBatchFailsWholeAndNamesTheRule() {
        BondTokenContract token = issuance.tokenFor(NOTE);
        List<AllocationMint> mints = new ArrayList<>(allocations("a", 5));
        mints.add(new AllocationMint("to-unregistered", wallet(5), 100));

        ChainFixture.assertReverts(() -> issuance.mint(token, mints), "WalletNotVerified", wallet(5));
        assertThat(token.totalSupply()).isZero();
    }

    @Test
    void gasPerMint() {
        BondTokenContract token = issuance.tokenFor(NOTE);
        long first = token.mint(new AllocationMint("first", wallet(1), 1_000)).getGasUsed().longValueExact();
        long toAHolder = token.mint(new AllocationMint("second", wallet(1), 1_000)).getGasUsed().longValueExact();
        long toANewHolder = token.mint(new AllocationMint("third", wallet(2), 1_000)).getGasUsed().longValueExact();
        List<AllocationMint> batch = allocations("batch", 250);

        long batchGas = token.batchMint(batch).getGasUsed().longValueExact();

        System.out.printf("gas: first mint %,d; mint to a holder %,d, to a new holder %,d; batch of %d %,d = %,d per"
                + " allocation%n", first, toAHolder, toANewHolder, batch.size(), batchGas, batchGas / batch.size());
        assertThat(batchGas / batch.size()).isLessThan(40_000);
        // the client asks for the estimate + 20 %
        assertThat(batchGas * 6 / 5).isLessThan(TRANSACTION_GAS_CAP);
    }
}
