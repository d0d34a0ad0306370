package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.e2e.AuctionDriver.Bid;
import io.sovereign.events.CouponPaid;
import io.sovereign.events.Redeemed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A note whose coupon dates and maturity have come (issued 13 months ago, matured a month ago):
 * each coupon pays every holder of record par x coupon / 2 once, and the redemption burns every
 * token against its principal once, whatever the number of requests.
 */
@ExtendWith(PlatformStack.class)
class CouponsAndRedemptionIT {

    private static final String RETAIL1 = "00000000-0000-4000-8000-000000000006";
    private static final BigDecimal TWO_HUNDRED = BigDecimal.valueOf(200);

    @Test
    void couponsAndRedemptionPayEveryHolderExactlyOnce() {
        List.of("desk1", "desk2", "operator1", "retail1", "auditor1").forEach(Tokens::user);
        LocalDate today = LocalDate.now();
        Auction a = AuctionDriver.announceNote(today.minusMonths(13), today.minusMonths(1), 100_000_000);
        List<Award> awards = AuctionDriver.run(a, List.of(
                Bid.competitive(Tokens.dealer("dealer-01"), "4.010", 30_000_000),
                Bid.competitive(Tokens.dealer("dealer-02"), "4.020", 20_000_000),
                Bid.competitive(Tokens.dealer("dealer-02"), "4.030", 7_000_000),
                Bid.subscription(Tokens.user("retail1"), 12_300)));
        SettlementApi.awaitFinal(a.id(), awards.size(), Duration.ofSeconds(90)).values()
                .forEach(i -> assertThat(i.status()).isEqualTo("SETTLED"));
        String token = SettlementApi.awaitToken(a.isin());
        Map<String, Long> par = awards.stream().collect(Collectors.groupingBy(Award::bidderId,
                Collectors.summingLong(Award::accepted)));
        long total = par.values().stream().mapToLong(Long::longValue).sum();

        JsonPath security = SettlementApi.operator().get(SettlementApi.url("/securities")).then().statusCode(200).extract()
                .jsonPath();
        BigDecimal coupon = new BigDecimal(security.getString("find { it.isin == '" + a.isin() + "' }.couponRate"));
        assertThat(coupon).isEqualByComparingTo("4.000");
        List<String> dates = SettlementApi.as(Tokens.user("retail1")).get(SettlementApi.url("/holdings/me")).then()
                .statusCode(200).extract().path("find { it.isin == '" + a.isin() + "' }.coupons.paymentDate");
        assertThat(dates).hasSize(2).last().isEqualTo(today.minusMonths(1).toString());

        // refused: another role, a date that is not a coupon date, a body without one
        SettlementApi.as(Tokens.user("desk1")).contentType("application/json")
                .body("{\"paymentDate\": \"" + dates.get(0) + "\"}")
                .post(SettlementApi.url("/securities/" + a.isin() + "/coupons")).then().statusCode(403);
        SettlementApi.operator().contentType("application/json").body("{\"paymentDate\": \"" + today.minusDays(3) + "\"}")
                .post(SettlementApi.url("/securities/" + a.isin() + "/coupons")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("paymentDate"));
        SettlementApi.operator().contentType("application/json").body("{}")
                .post(SettlementApi.url("/securities/" + a.isin() + "/coupons")).then().statusCode(400);
        SettlementApi.operator().contentType("application/json").body("{\"paymentDate\": 20260101}")
                .post(SettlementApi.url("/securities/" + a.isin() + "/coupons")).then().statusCode(400);
        SettlementApi.operator().contentType("application/json").body("{\"paymentDate\": \"" + dates.get(0) + "\"}")
                .post(SettlementApi.url("/securities/XS0000000000/coupons")).then().statusCode(404);

        for (String date : dates) {
            String journal = "coupon:" + a.isin() + ":" + date;
            String first = pay(a, date).then().statusCode(201)
                    .body("kind", equalTo("COUPON")).body("status", equalTo("PAID")).body("holders", equalTo(par.size()))
                    .body("par", equalTo((int) total)).body("journalId", equalTo(journal))
                    .extract().asString();
            // asked again: the same payment, nothing paid twice
            assertThat(pay(a, date).then().statusCode(200).extract().asString()).isEqualTo(first);
            par.forEach((investor, held) -> {
                BigDecimal expected = BigDecimal.valueOf(held).multiply(coupon).divide(TWO_HUNDRED, 2, RoundingMode.HALF_UP);
                assertThat(SettlementApi.movements(investor, journal)).as("%s on %s", investor, date)
                        .containsExactly(Map.entry(journal, expected));
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SettlementApi.eventIds(CouponPaid.class))
                .containsKeys(dates.stream().map(d -> a.isin() + "/" + d).toArray(String[]::new))
                .allSatisfy((key, ids) -> assertThat(ids).hasSize(1)));
        SettlementApi.as(Tokens.user("retail1")).get(SettlementApi.url("/holdings/me")).then().statusCode(200)
                .body("find { it.isin == '" + a.isin() + "' }.coupons.status", equalTo(List.of("PAID", "PAID")));

        // redemption: every token burned against its principal, once
        SettlementApi.as(Tokens.user("desk2")).post(SettlementApi.url("/securities/" + a.isin() + "/redeem")).then()
                .statusCode(403);
        String redeemed = SettlementApi.operator().post(SettlementApi.url("/securities/" + a.isin() + "/redeem")).then()
                .statusCode(201).body("kind", equalTo("REDEMPTION")).body("status", equalTo("PAID"))
                .body("paymentDate", equalTo(today.minusMonths(1).toString())).body("par", equalTo((int) total))
                .body("totalPaid", equalTo(BigDecimal.valueOf(total).setScale(2).toPlainString()))
                .extract().asString();
        assertThat(SettlementApi.operator().post(SettlementApi.url("/securities/" + a.isin() + "/redeem")).then()
                .statusCode(200).extract().asString()).isEqualTo(redeemed);
        assertThat(Chain.totalSupply(token)).isZero();
        assertThat(Chain.paused(token)).isTrue();
        String journal = "redemption:" + a.isin() + ":" + today.minusMonths(1);
        par.forEach((investor, held) -> assertThat(SettlementApi.movements(investor, journal))
                .containsExactly(Map.entry(journal, BigDecimal.valueOf(held).setScale(2))));
        assertThat(Chain.balanceOf(token, "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65")).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SettlementApi.events(Redeemed.class))
                .filteredOn(e -> e.getValue().isin().equals(a.isin())).singleElement()
                .satisfies(e -> assertThat(e.getValue().parRedeemed()).isEqualTo(total)));
        SettlementApi.as(Tokens.user("auditor1")).get(SettlementApi.url("/securities/" + a.isin() + "/reserves")).then()
                .statusCode(200).body("onChainTotalSupply", equalTo(0)).body("settledAllocations", equalTo((int) total))
                .body("redeemed", equalTo((int) total)).body("holds", equalTo(true));
        SettlementApi.as(Tokens.user("retail1")).get(SettlementApi.url("/holdings/me")).then().statusCode(200)
                .body("find { it.isin == '" + a.isin() + "' }.balance", equalTo(0))
                .body("find { it.isin == '" + a.isin() + "' }.redeemed", equalTo(true));
        assertThat(par).containsKey(RETAIL1);
    }

    private static io.restassured.response.Response pay(Auction a, String date) {
        return SettlementApi.operator().contentType("application/json").body("{\"paymentDate\": \"" + date + "\"}")
                .post(SettlementApi.url("/securities/" + a.isin() + "/coupons"));
    }
}
