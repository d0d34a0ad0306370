package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.e2e.AuctionDriver.Bid;
import io.sovereign.e2e.SettlementApi.Instruction;
import io.sovereign.events.AllocationFailed;
import io.sovereign.events.AllocationSettled;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery versus payment end to end: auction-core publishes, settlement books the cash and mints
 * the bonds on the EVM node, and what the node says (read here with web3j, not through settlement)
 * matches the awards and settlement's books to the unit.
 */
@ExtendWith(PlatformStack.class)
class SettlementIT {

    private static final String RETAIL1 = "00000000-0000-4000-8000-000000000006";
    private static final Map<String, String> WALLETS = Map.of(
            "dealer-01", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "dealer-02", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
            "dealer-03", "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
            RETAIL1, "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");

    @Test
    void everyAllocationSettlesAgainstItsCashAndTheChainHoldsExactlyTheAwards() {
        List.of("desk1", "desk2", "operator1", "retail1").forEach(Tokens::user);
        LocalDate issue = LocalDate.now().plusDays(7);
        Auction a = AuctionDriver.announceNote(issue, issue.plusYears(2), 1_000_000_000);
        // the operator funds the investors (on top of the dev seed's cash)
        WALLETS.keySet().forEach(id -> SettlementApi.deposit(id, "250000000.00"));
        Map<String, BigDecimal> before = new HashMap<>();
        WALLETS.keySet().forEach(id -> before.put(id, SettlementApi.balance(id)));

        List<Bid> bids = new ArrayList<>();
        bids.add(Bid.competitive(Tokens.dealer("dealer-01"), "3.100", 200_000_000));
        bids.add(Bid.competitive(Tokens.dealer("dealer-01"), "3.150", 100_000_000));
        bids.add(Bid.competitive(Tokens.dealer("dealer-02"), "3.120", 300_000_000));
        bids.add(Bid.competitive(Tokens.dealer("dealer-03"), "3.160", 350_000_000));
        bids.add(Bid.competitive(Tokens.dealer("dealer-03"), "3.300", 100_000_000));
        bids.add(Bid.subscription(Tokens.user("retail1"), 5_000));
        List<Award> awards = AuctionDriver.run(a, bids);
        assertThat(awards).hasSizeGreaterThanOrEqualTo(5);

        Map<String, Instruction> settled = SettlementApi.awaitFinal(a.id(), awards.size(), Duration.ofSeconds(90));
        assertThat(settled.values()).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo("SETTLED");
            assertThat(i.txHash()).matches("0x[0-9a-f]{64}");
            assertThat(i.walletAddress()).isEqualTo(WALLETS.get(i.investorId()));
        });
        for (Award award : awards) {
            assertThat(settled.get(award.allocationId()).amount()).isEqualTo(award.accepted());
            assertThat(settled.get(award.allocationId()).investorId()).isEqualTo(award.bidderId());
        }

        // cash: each investor paid exactly its instructions' cash amounts, once each
        for (String investor : WALLETS.keySet()) {
            List<Instruction> own = settled.values().stream().filter(i -> i.investorId().equals(investor)).toList();
            BigDecimal due = own.stream().map(Instruction::cashAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(SettlementApi.balance(investor)).isEqualByComparingTo(before.get(investor).subtract(due));
            Map<String, BigDecimal> debits = SettlementApi.movements(investor, "settle:");
            for (Instruction i : own) {
                assertThat(debits.get("settle:" + i.allocationId())).isEqualByComparingTo(i.cashAmount().negate());
            }
        }

        // the chain: each wallet holds its awards, the supply is the total awarded, every id minted once
        String token = SettlementApi.awaitToken(a.isin());
        Map<String, Long> awarded = awards.stream().collect(Collectors.groupingBy(Award::bidderId,
                Collectors.summingLong(Award::accepted)));
        awarded.forEach((investor, amount) -> assertThat(Chain.balanceOf(token, WALLETS.get(investor)))
                .as("balance of %s", investor).isEqualTo(amount));
        long total = awards.stream().mapToLong(Award::accepted).sum();
        assertThat(Chain.totalSupply(token)).isEqualTo(total);
        awards.forEach(aw -> assertThat(Chain.mintEvents(token, aw.allocationId())).isEqualTo(1));

        // proof of reserves, the register of holders, supply and the investors' own holdings
        SettlementApi.as(Tokens.user("auditor1")).get(SettlementApi.url("/securities/" + a.isin() + "/reserves")).then()
                .statusCode(200).body("onChainTotalSupply", equalTo((int) total))
                .body("settledAllocations", equalTo((int) total)).body("redeemed", equalTo(0))
                .body("holds", equalTo(true)).body("blockNumber", notNullValue());
        SettlementApi.as(Tokens.user("auditor1")).get(SettlementApi.url("/securities/" + a.isin() + "/holders")).then()
                .statusCode(200).body("find { it.investorId == 'dealer-02' }.balance",
                        equalTo(awarded.get("dealer-02").intValue()))
                .body("find { it.investorId == 'dealer-02' }.walletAddress", equalTo(WALLETS.get("dealer-02")));
        SettlementApi.as(Tokens.dealer("dealer-01")).get(SettlementApi.url("/securities")).then().statusCode(200)
                .body("find { it.isin == '" + a.isin() + "' }.totalSupply", equalTo((int) total))
                .body("find { it.isin == '" + a.isin() + "' }.tokenAddress", equalTo(token))
                .body("find { it.isin == '" + a.isin() + "' }.chainId", equalTo(31337));
        String firstCoupon = SettlementApi.as(Tokens.user("retail1")).get(SettlementApi.url("/holdings/me")).then()
                .statusCode(200)
                .body("find { it.isin == '" + a.isin() + "' }.balance", equalTo(awarded.get(RETAIL1).intValue()))
                .body("find { it.isin == '" + a.isin() + "' }.coupons.size()", equalTo(4))
                .body("find { it.isin == '" + a.isin() + "' }.coupons[0].status", equalTo("SCHEDULED"))
                .extract().path("find { it.isin == '" + a.isin() + "' }.coupons[0].paymentDate");
        // a coupon cannot be paid before its date
        SettlementApi.operator().contentType("application/json")
                .body("{\"paymentDate\": \"" + firstCoupon + "\"}")
                .post(SettlementApi.url("/securities/" + a.isin() + "/coupons")).then().statusCode(409)
                .contentType("application/problem+json");

        // AllocationSettled once per allocation, keyed by it, with the transaction of the mint
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> ids = SettlementApi.eventIds(AllocationSettled.class);
            awards.forEach(aw -> assertThat(ids.get(aw.allocationId())).as(aw.allocationId()).isNotNull()
                    .doesNotHaveDuplicates().hasSize(1));
        });
        SettlementApi.events(AllocationSettled.class).stream().filter(e -> settled.containsKey(e.getKey()))
                .forEach(e -> assertThat(e.getValue().txHash()).isEqualTo(settled.get(e.getKey()).txHash()));
    }

    @Test
    void anUnfundedInvestorFailsForCashAndASuspendedInvestorsWalletIsFrozenOnChain() {
        List.of("desk1", "desk2", "operator1", "compliance1").forEach(Tokens::user);
        FreshInvestors.Investor unfunded = FreshInvestors.approved("unfunded", Chain.account(8));
        FreshInvestors.Investor suspended = FreshInvestors.approved("suspended", Chain.account(9));
        LocalDate issue = LocalDate.now().plusDays(7);
        Auction a = AuctionDriver.announceNote(issue, issue.plusYears(3), 500_000_000);
        SettlementApi.deposit(suspended.investorId(), "1000000.00");
        // auction-core accepts their subscriptions once it has their approval too
        for (FreshInvestors.Investor investor : List.of(unfunded, suspended)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> io.restassured.RestAssured.given().auth()
                    .oauth2(investor.token()).contentType("application/json").body("{\"amount\": 50000}")
                    .post(AuctionDriver.url("/auctions/" + a.id() + "/subscriptions")).statusCode() == 201);
        }
        List<Award> awards = AuctionDriver.run(a, List.of(Bid.competitive(Tokens.dealer("dealer-02"), "3.200", 100_000_000)));

        Map<String, Instruction> done = SettlementApi.awaitFinal(a.id(), awards.size(), Duration.ofSeconds(90));
        Instruction failed = done.values().stream().filter(i -> i.investorId().equals(unfunded.investorId())).findFirst()
                .orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.reason()).startsWith("insufficient cash: 0.00 available, " + failed.cashAmount().toPlainString()
                + " due");
        assertThat(failed.txHash()).isNull();
        assertThat(done.values()).filteredOn(i -> !i.investorId().equals(unfunded.investorId()))
                .allSatisfy(i -> assertThat(i.status()).isEqualTo("SETTLED"));
        String token = SettlementApi.awaitToken(a.isin());
        assertThat(Chain.balanceOf(token, unfunded.wallet())).isZero();
        assertThat(Chain.allocationMinted(token, failed.allocationId())).isFalse();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SettlementApi.events(AllocationFailed.class))
                .filteredOn(e -> e.getKey().equals(failed.allocationId())).singleElement()
                .satisfies(e -> assertThat(e.getValue().reason()).startsWith("insufficient cash")));
        SettlementApi.as(unfunded.token()).get(SettlementApi.url("/cash-accounts/" + unfunded.investorId())).then()
                .statusCode(200).body("balance", equalTo("0.00"));

        // suspension: the wallet holding the bond is no longer verified and is frozen on the token
        assertThat(Chain.balanceOf(token, suspended.wallet())).isEqualTo(50_000);
        String registry = Chain.identityRegistry(token);
        assertThat(Chain.isVerified(registry, suspended.wallet())).isTrue();
        FreshInvestors.decide(suspended, "SUSPENDED", "sanctions screening hit");
        await().atMost(Duration.ofSeconds(60)).until(() -> Chain.isFrozen(token, suspended.wallet()));
        assertThat(Chain.isVerified(registry, suspended.wallet())).isFalse();
        assertThat(Chain.balanceOf(token, suspended.wallet())).isEqualTo(50_000);
        // approved again: verified and unfrozen
        FreshInvestors.decide(suspended, "APPROVED", "screening cleared");
        await().atMost(Duration.ofSeconds(60)).until(() -> !Chain.isFrozen(token, suspended.wallet())
                && Chain.isVerified(registry, suspended.wallet()));
        SettlementApi.as(Tokens.user("desk1")).get(SettlementApi.url("/securities/" + a.isin() + "/holders")).then()
                .statusCode(200).body("investorId", hasItem(suspended.investorId()));
        SettlementApi.as(Tokens.dealer("dealer-01")).get(SettlementApi.url("/securities/" + a.isin() + "/holders")).then()
                .statusCode(403);
        SettlementApi.as(suspended.token()).get(SettlementApi.url("/cash-accounts/" + unfunded.investorId())).then()
                .statusCode(403).body("type", startsWith("about:blank"));
    }
}
