package io.sovereign.settlement.chain;

import static io.sovereign.settlement.chain.ChainFixture.NOTE;
import static io.sovereign.settlement.chain.ChainFixture.assertReverts;
import static io.sovereign.settlement.chain.ChainFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HardhatNode.class)
class BondFactoryTest {

    private ChainFixture f;

    @BeforeEach
    void deploy(HardhatNode.Node node) {
        f = new ChainFixture(node);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void deploysATokenWithTheBondTermsOnChain() {
        BondTokenContract token = f.factory.deployBond(NOTE);

        assertThat(f.factory.tokenOf(NOTE.isin())).get().extracting(BondTokenContract::address)
                .isEqualTo(token.address());
        assertThat(token.terms()).isEqualTo(NOTE);
        assertThat(token.name()).isEqualTo("UST 4.125% 2034-05-15");
        assertThat(token.symbol()).isEqualTo("US91282CKQ32");
        assertThat(token.decimals()).isZero();
        assertThat(token.totalSupply()).isZero();
        assertThat(token.identityRegistry()).isEqualTo(f.registry.address());
        assertThat(token.owner()).isEqualTo(f.factory.owner());
        assertThat(token.isAgent(wallet(0))).isTrue();
        assertThat(token.paused()).isFalse();
    }

    @Test
    void announcesEachDeployment() {
        var events = f.agent.events(f.agent.send(f.factory.address(), BondFactoryContract.deployBondCall(NOTE)));

        // the new token's own events from its constructor, then the factory's
        assertThat(events).extracting(ContractEvent::name)
                .containsExactly("OwnershipTransferred", "AgentAdded", "BondDeployed");
        assertThat(events.get(0).args()).containsEntry("newOwner", wallet(0));
        assertThat(events.get(1).args()).containsEntry("agent", wallet(0));
        assertThat(events.get(2).args()).containsEntry("isin", NOTE.isin()).containsEntry("agent", wallet(0));
        String token = (String) events.get(2).arg("token");
        assertThat(f.factory.tokenOf(NOTE.isin())).get().extracting(BondTokenContract::address).isEqualTo(token);
        assertThat(events).extracting(ContractEvent::address).containsExactly(token, token, f.factory.address());
    }

    @Test
    void oneTokenPerIsin() {
        BondTokenContract token = f.factory.deployBond(NOTE);

        assertReverts(() -> f.factory.deployBond(NOTE), "IsinAlreadyDeployed", NOTE.isin(), token.address());
        assertThat(f.factory.tokenOf("XS9999999999")).isEmpty();
    }

    @Test
    void onlyAnAgentDeploys() {
        assertReverts(() -> f.factory.as(f.signer(1)).deployBond(NOTE), "NotAgent", wallet(1));
        assertThat(f.factory.tokenOf(NOTE.isin())).isEmpty();
    }

    @Test
    void aZeroCouponBillHasNoPaymentDates() {
        BondTerms bill = new BondTerms("US912797LB18", "UST bill 2025-06-12", BigDecimal.ZERO,
                LocalDate.of(2024, 12, 12), LocalDate.of(2025, 6, 12), List.of());

        assertThat(f.factory.deployBond(bill).terms()).isEqualTo(bill);
    }

    @Test
    void inconsistentTermsRevertInTheTokensConstructor() {
        LocalDate issue = LocalDate.of(2025, 1, 15);
        assertReverts(() -> f.factory.deployBond(terms("XS000000001", issue, issue.plusYears(2), List.of())),
                "InvalidTerms", "ISIN must have 12 characters");
        assertReverts(() -> f.factory.deployBond(terms("XS0000000011", issue, issue, List.of())),
                "InvalidTerms", "maturity must be after issue");
        assertReverts(() -> f.factory.deployBond(terms("XS0000000011", issue, issue.plusYears(1),
                List.of(issue.plusMonths(6), issue.plusMonths(6)))),
                "InvalidTerms", "payment dates must increase, after issue, until maturity");
        assertReverts(() -> f.factory.deployBond(terms("XS0000000011", issue, issue.plusYears(1),
                List.of(issue.plusMonths(6), issue.plusMonths(18)))),
                "InvalidTerms", "payment dates must increase, after issue, until maturity");
        assertReverts(() -> f.factory.deployBond(terms("XS0000000011", issue, issue.plusYears(1), List.of(issue))),
                "InvalidTerms", "payment dates must increase, after issue, until maturity");
        assertThat(f.factory.tokenOf("XS0000000011")).isEmpty();
    }

    private static BondTerms terms(String isin, LocalDate issue, LocalDate maturity, List<LocalDate> payments) {
        return new BondTerms(isin, "test", new BigDecimal("2.5"), issue, maturity, payments);
    }
}
