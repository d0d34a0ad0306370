package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.sovereign.stack.Service;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /api/v1/auctions/simulate: the clearing engine as the desk sees it (API.md, DOMAIN.md §2). */
@ExtendWith(PlatformStack.class)
class SimulationIT {

    private static String url() {
        return PlatformStack.url(Service.AUCTION_CORE) + "/api/v1/auctions/simulate";
    }

    /**
     * The 3-year note of 2022-08-15 (new issue). After 5,000 non-competitive, 3.075 and 3.140 are
     * filled (22,000,000,000); at 3.202 the caps leave 14.7bn (dealer-03), 4.7bn (dealer-01) and
     * 2.7bn (dealer-02) eligible for 19,999,995,000 remaining: 90.50%. The coupon is 3.125 and the
     * price at 3.202 is the published 99.781411.
     */
    private static final String NOTE_AUCTION = """
            {"format": "%s", "bidBasis": "YIELD",
             "security": {"securityType": "NOTE", "issueDate": "2022-08-15", "maturityDate": "2025-08-15"},
             "offeringAmount": 42000000000, "maxAwardRatio": "0.35", "nonCompetitiveLimit": 10000000,
             "minimumBid": 100, "bidMultiple": 100, "rateIncrement": "0.001",
             "bids": [
               {"bidId": "n1", "bidderId": "retail1", "kind": "NONCOMPETITIVE", "amount": 5000},
               {"bidId": "b1", "bidderId": "dealer-01", "kind": "COMPETITIVE", "rate": "3.075", "amount": 10000000000, "netLongPosition": 0},
               {"bidId": "b2", "bidderId": "dealer-02", "kind": "COMPETITIVE", "rate": "3.140", "amount": 12000000000},
               {"bidId": "b3", "bidderId": "dealer-03", "kind": "COMPETITIVE", "rate": "3.202", "amount": 30000000000},
               {"bidId": "b4", "bidderId": "dealer-01", "kind": "COMPETITIVE", "rate": "3.202", "amount": 10000000000},
               {"bidId": "b5", "bidderId": "dealer-02", "kind": "COMPETITIVE", "rate": "3.202", "amount": 5000000000},
               {"bidId": "b6", "bidderId": "dealer-03", "kind": "COMPETITIVE", "rate": "3.300", "amount": 1000000000}]}""";

    @Test
    void aSinglePriceNoteAuctionClearsAsTheRulesSay() {
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(NOTE_AUCTION.formatted("SINGLE_PRICE")).post(url())
                .then().statusCode(200)
                .body("highRate", equalTo("3.202"))
                .body("lowRate", equalTo("3.075"))
                .body("medianRate", equalTo("3.140"))
                .body("couponRate", equalTo("3.125"))
                .body("price", equalTo("99.781411"))
                .body("averagePrice", equalTo("99.781411"))
                .body("allotmentPercentage", equalTo("90.50"))
                .body("totalTendered", equalTo(68000005000L))
                .body("totalAccepted", equalTo(42000505000L))
                .body("competitiveAccepted", equalTo(42000500000L))
                .body("nonCompetitiveAccepted", equalTo(5000))
                .body("bidToCover", equalTo("1.62"))
                .body("allocations.bidId", org.hamcrest.Matchers.contains("n1", "b1", "b2", "b3", "b4", "b5", "b6"))
                .body("allocations.accepted", org.hamcrest.Matchers.contains(5000, 10000000000L, 12000000000L,
                        13303500000L, 4253500000L, 2443500000L, 0))
                .body("allocations[0].price", equalTo("99.781411"))
                .body("allocations[6]", not(hasKey("price")));
    }

    @Test
    void multiplePriceChargesEachBidItsOwnYieldsPriceAndNonCompetitiveTheAverage() {
        var r = given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(NOTE_AUCTION.formatted("MULTI_PRICE")).post(url())
                .then().statusCode(200)
                .body("$", not(hasKey("price")))
                .body("highRate", equalTo("3.202"))
                .extract().jsonPath();
        assertThat(r.getString("allocations[3].price")).isEqualTo("99.781411");
        String at3075 = r.getString("allocations[1].price");
        String at3140 = r.getString("allocations[2].price");
        assertThat(new java.math.BigDecimal(at3075)).isGreaterThan(new java.math.BigDecimal(at3140))
                .isGreaterThan(new java.math.BigDecimal("99.781411"));
        // the average of the prices paid, weighted by the competitive amounts accepted
        java.math.BigDecimal weighted = new java.math.BigDecimal(at3075).multiply(java.math.BigDecimal.valueOf(10_000_000_000L))
                .add(new java.math.BigDecimal(at3140).multiply(java.math.BigDecimal.valueOf(12_000_000_000L)))
                .add(new java.math.BigDecimal("99.781411").multiply(java.math.BigDecimal.valueOf(20_000_500_000L)));
        String average = weighted.divide(java.math.BigDecimal.valueOf(42_000_500_000L), 6, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        assertThat(r.getString("averagePrice")).isEqualTo(average);
        assertThat(r.getString("allocations[0].price")).isEqualTo(average);
    }

    @Test
    void onPriceBasisTheRatesBecomePrices() {
        String body = """
                {"format": "MULTI_PRICE", "bidBasis": "PRICE",
                 "security": {"securityType": "BOND", "issueDate": "2030-02-15", "maturityDate": "2060-02-15", "couponRate": "2.500"},
                 "offeringAmount": 3000000, "minimumBid": 1000000, "bidMultiple": 1000000, "priceIncrement": "0.01",
                 "bids": [
                   {"bidId": "a", "bidderId": "bank-a", "kind": "COMPETITIVE", "price": "99.50", "amount": 1000000},
                   {"bidId": "b", "bidderId": "bank-b", "kind": "COMPETITIVE", "price": "99.70", "amount": 1000000},
                   {"bidId": "c", "bidderId": "bank-c", "kind": "COMPETITIVE", "price": "99.40", "amount": 1000000},
                   {"bidId": "n", "bidderId": "saver", "kind": "NONCOMPETITIVE", "amount": 1000000}]}""";
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json").body(body).post(url())
                .then().statusCode(200)
                .body("lowPrice", equalTo("99.500000"))
                .body("highPrice", equalTo("99.700000"))
                .body("$", not(hasKey("highRate")))
                .body("averagePrice", equalTo("99.600000"))
                .body("allocations.accepted", org.hamcrest.Matchers.contains(1000000, 1000000, 0, 1000000));
    }

    @Test
    void everyBadBidIsNamedWithItsIdAndNothingIsCleared() {
        String body = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "2022-08-15", "maturityDate": "2025-08-15"},
                 "offeringAmount": 42000000000,
                 "bids": [
                   {"bidId": "ok", "bidderId": "dealer-01", "kind": "COMPETITIVE", "rate": "3.202", "amount": 1000},
                   {"bidId": "odd", "bidderId": "dealer-02", "kind": "COMPETITIVE", "rate": "3.2025", "amount": 150},
                   {"bidId": "num", "bidderId": "dealer-03", "kind": "COMPETITIVE", "rate": 3.2, "amount": 1000},
                   {"bidId": "both1", "bidderId": "fund", "kind": "COMPETITIVE", "rate": "3.100", "amount": 1000},
                   {"bidId": "both2", "bidderId": "fund", "kind": "NONCOMPETITIVE", "amount": 1000},
                   {"bidId": "neg", "bidderId": "dealer-04", "kind": "COMPETITIVE", "rate": "3.100", "amount": -100},
                   {"bidId": "extra", "bidderId": "dealer-05", "kind": "COMPETITIVE", "rate": "3.100", "amount": 100, "colour": "red"},
                   {"bidId": "noamount", "bidderId": "dealer-06", "kind": "COMPETITIVE", "rate": "3.100"}]}""";
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json").body(body).post(url())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("bids[1].rate", "bids[1].amount", "bids[2].rate", "bids[3].kind",
                        "bids[4].kind", "bids[5].amount", "bids[6].colour", "bids[7].amount"))
                .body("errors.find { it.field == 'bids[1].amount' }.message",
                        equalTo("bid odd: amount must be a multiple of 100"))
                .body("errors.find { it.field == 'bids[2].rate' }.message", containsString("bid num"))
                .body("errors.find { it.field == 'bids[3].kind' }.message", containsString("bid both1"))
                .body("errors.find { it.field == 'bids[0].rate' }", nullValue());
    }

    @Test
    void badTermsAndBadShapesAreBadRequestsAndOnlyTheDeskMaySimulate() {
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(NOTE_AUCTION.formatted("SINGLE_PRICE").replace("\"offeringAmount\": 42000000000",
                        "\"offeringAmount\": \"42000000000\"")).post(url())
                .then().statusCode(400).body("errors[0].field", equalTo("offeringAmount"));
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(NOTE_AUCTION.formatted("SINGLE_PRICE").replace("\"bidBasis\": \"YIELD\"", "\"bidBasis\": \"DISCOUNT_RATE\""))
                .post(url()).then().statusCode(400).body("errors.field", hasItems("bidBasis"));
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json")
                .body(NOTE_AUCTION.formatted("SINGLE_PRICE").replace("\"maxAwardRatio\": \"0.35\"", "\"maxAwardRatio\": 0.35"))
                .post(url()).then().statusCode(400).body("errors[0].field", equalTo("maxAwardRatio"));
        given().auth().oauth2(Tokens.dealer("dealer-01")).contentType("application/json")
                .body(NOTE_AUCTION.formatted("SINGLE_PRICE")).post(url()).then().statusCode(403);
        given().contentType("application/json").body(NOTE_AUCTION.formatted("SINGLE_PRICE")).post(url())
                .then().statusCode(401);
    }

    @Test
    void moreThanAMillionBidsAreRefusedAsAWhole() throws Exception {
        int count = 1_000_001;
        String head = """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "2022-08-15", "maturityDate": "2025-08-15"},
                 "offeringAmount": 42000000000, "bids": [""";
        // streamed: the test never holds the 70 MB body
        Enumeration<InputStream> parts = new Enumeration<>() {
            int i = -1;

            @Override
            public boolean hasMoreElements() {
                return i <= count;
            }

            @Override
            public InputStream nextElement() {
                i++;
                String s = i == 0 ? head
                        : i <= count ? (i > 1 ? "," : "") + "{\"bidId\":\"n" + i
                                + "\",\"bidderId\":\"r" + i + "\",\"kind\":\"NONCOMPETITIVE\",\"amount\":100}"
                        : "]}";
                return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(url()))
                .header("Authorization", "Bearer " + Tokens.user("desk1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(parts))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"bids\"")
                .contains("at most 1000000 bids may be simulated, the request has 1000001");
    }
}
