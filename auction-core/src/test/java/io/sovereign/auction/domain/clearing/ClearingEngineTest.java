package io.sovereign.auction.domain.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked clearings of DOMAIN.md §2, one rule at a time. */
class ClearingEngineTest {

    private static final BigDecimal RATE_STEP = new BigDecimal("0.001");

    private static ClearingTerms terms(AuctionFormat format, BidBasis basis, long offering, BigDecimal increment) {
        return new ClearingTerms(format, basis, offering, new BigDecimal("0.35"), 10_000_000L, 100, 100, increment,
                false);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** price = 100 - rate: easy to check by hand. */
    private static final SecurityPricing LINEAR = new SecurityPricing() {
        @Override
        public BigDecimal coupon(BigDecimal highRate) {
            return null;
        }

        @Override
        public BigDecimal price(BigDecimal rate, BigDecimal coupon) {
            return BigDecimal.valueOf(100).subtract(rate).setScale(6);
        }
    };

    @Test
    void capsNonCompetitiveFirstAndProrationAtTheStopOut() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 10_000, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 8)
                .add("n1", "retail1", BidKind.NONCOMPETITIVE, null, 500, 0)
                .add("a", "dealer-01", BidKind.COMPETITIVE, d("3.000"), 3_000, 0)
                .add("b", "dealer-02", BidKind.COMPETITIVE, d("3.010"), 4_000, 0) // cap 3,500 binds
                .add("c", "dealer-01", BidKind.COMPETITIVE, d("3.020"), 2_000, 0) // 500 of cap left
                .add("d", "dealer-03", BidKind.COMPETITIVE, d("3.020"), 6_000, 0) // eligible 3,500
                .add("e", "dealer-02", BidKind.COMPETITIVE, d("3.030"), 1_000, 0)
                .build();

        ClearingResult r = ClearingEngine.clear(t, book, LINEAR);

        // 9,500 left after non-competitive; 3,000 after a and b; the 3.020 level has 4,000 eligible: 75.00%
        assertThat(r.accepted()).containsExactly(500, 3_000, 3_500, 400, 2_700, 0);
        var s = r.stopOut();
        assertThat(s.high()).isEqualTo(d("3.020"));
        assertThat(s.low()).isEqualTo(d("3.000"));
        assertThat(s.median()).isEqualTo(d("3.010"));
        assertThat(s.allotmentPercentage()).isEqualTo(d("75.00"));
        assertThat(s.price()).isEqualTo(d("96.980000"));
        assertThat(r.priceOf(0)).isEqualTo(d("96.980000"));
        assertThat(r.priceOf(5)).isNull();
        assertThat(r.totalAccepted()).isEqualTo(10_100); // rounding up may exceed the offering: that is the rule
        assertThat(r.competitiveAccepted()).isEqualTo(9_600);
        assertThat(r.totalTendered()).isEqualTo(16_500);
        assertThat(r.bidToCover()).isEqualTo(d("1.63"));
    }

    @Test
    void aPercentageIsRoundedUpToTheNextHundredthAndAwardsUpToTheMultiple() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 1_000, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 4)
                .add("x", "dealer-01", BidKind.COMPETITIVE, d("1.000"), 300, 0)
                .add("y", "dealer-02", BidKind.COMPETITIVE, d("1.000"), 300, 0)
                .add("z", "dealer-03", BidKind.COMPETITIVE, d("1.000"), 300, 0)
                .add("w", "dealer-04", BidKind.COMPETITIVE, d("1.000"), 300, 0)
                .build();
        ClearingResult r = ClearingEngine.clear(t, book, LINEAR);
        // 1,000 / 1,200 = 83.333…% → 83.34%; 300 x 83.34% = 250.02 → 300 (never below the minimum bid, never above eligible)
        assertThat(r.stopOut().allotmentPercentage()).isEqualTo(d("83.34"));
        assertThat(r.accepted()).containsExactly(300, 300, 300, 300);
    }

    @Test
    void nonCompetitiveBeyondTheOfferingIsProratedDownAndLeavesNoStopOut() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 1_000, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 3)
                .add("p", "retail1", BidKind.NONCOMPETITIVE, null, 800, 0)
                .add("q", "retail2", BidKind.NONCOMPETITIVE, null, 700, 0)
                .add("r", "dealer-01", BidKind.COMPETITIVE, d("3.000"), 1_000, 0)
                .build();
        ClearingResult r = ClearingEngine.clear(t, book, LINEAR);
        // 1,000 / 1,500 = 66.666…% → 66.66% (down); 533.28 → 600, 466.62 → 500 (up to the multiple)
        assertThat(r.accepted()).containsExactly(600, 500, 0);
        assertThat(r.stopOut()).isNull();
        assertThat(r.priceOf(0)).isNull();
        assertThat(r.bidToCover()).isEqualTo(d("2.27"));
    }

    @Test
    void aLevelThatFillsTheOfferingExactlyEndsTheClearingAtOneHundredPercent() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 2_000, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 3)
                .add("a", "dealer-01", BidKind.COMPETITIVE, d("2.000"), 700, 0)
                .add("b", "dealer-02", BidKind.COMPETITIVE, d("2.001"), 700, 0)
                .add("c", "dealer-03", BidKind.COMPETITIVE, d("2.001"), 600, 0)
                .add("d", "dealer-04", BidKind.COMPETITIVE, d("2.002"), 700, 0)
                .build();
        ClearingResult r = ClearingEngine.clear(t, book, LINEAR);
        assertThat(r.accepted()).containsExactly(700, 700, 600, 0);
        assertThat(r.stopOut().high()).isEqualTo(d("2.001"));
        assertThat(r.stopOut().allotmentPercentage()).isEqualTo(d("100.00"));
    }

    @Test
    void anUndersubscribedAuctionAwardsEverythingAtTheWorstAcceptedRate() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 100_000, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 2)
                .add("a", "dealer-01", BidKind.COMPETITIVE, d("4.100"), 5_000, 0)
                .add("b", "dealer-02", BidKind.COMPETITIVE, d("4.250"), 6_000, 0)
                .build();
        ClearingResult r = ClearingEngine.clear(t, book, LINEAR);
        assertThat(r.accepted()).containsExactly(5_000, 6_000);
        assertThat(r.stopOut().high()).isEqualTo(d("4.250"));
        assertThat(r.stopOut().allotmentPercentage()).isEqualTo(d("100.00"));
    }

    @Test
    void aNetLongPositionShrinksTheCapAndTheCapIsFlooredToTheMultiple() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 10_050, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 2)
                // cap = floor100(0.35 x 10,050 - 1,000) = floor100(2,517.5) = 2,500
                .add("a", "dealer-01", BidKind.COMPETITIVE, d("1.000"), 5_000, 1_000)
                .add("b", "dealer-01", BidKind.COMPETITIVE, d("1.001"), 1_000, 0)
                .build();
        ClearingResult r = ClearingEngine.clear(t, book, LINEAR);
        assertThat(r.accepted()).containsExactly(2_500, 0);
    }

    @Test
    void whenACapBindsInsideALevelBidIdsDecideInCodePointOrder() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 10_000, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 3)
                .add("b-2", "dealer-01", BidKind.COMPETITIVE, d("1.000"), 3_000, 0)
                .add("b-1", "dealer-01", BidKind.COMPETITIVE, d("1.000"), 3_000, 0)
                .build();
        ClearingResult r = ClearingEngine.clear(t, book, LINEAR);
        // cap 3,500: b-1 comes first and takes 3,000, b-2 the 500 left
        assertThat(r.accepted()).containsExactly(500, 3_000);
    }

    @Test
    void multiplePriceOnPriceBasisPaysEachBidItsPriceAndNonCompetitiveTheAverage() {
        BigDecimal step = new BigDecimal("0.01");
        ClearingTerms t = terms(AuctionFormat.MULTI_PRICE, BidBasis.PRICE, 3_000, step);
        BidBook book = BidBook.builder(step, 4)
                .add("n", "retail1", BidKind.NONCOMPETITIVE, null, 1_000, 0)
                .add("a", "dealer-01", BidKind.COMPETITIVE, d("99.50"), 1_000, 0)
                .add("b", "dealer-02", BidKind.COMPETITIVE, d("99.70"), 1_000, 0)
                .add("c", "dealer-03", BidKind.COMPETITIVE, d("99.40"), 1_000, 0)
                .build();
        ClearingResult r = ClearingEngine.clear(t, book, SecurityPricing.onPrice(d("2.250")));
        assertThat(r.accepted()).containsExactly(1_000, 1_000, 1_000, 0);
        assertThat(r.stopOut().high()).as("marginal (lowest accepted) price").isEqualTo(d("99.500000"));
        assertThat(r.stopOut().low()).as("best (highest) price").isEqualTo(d("99.700000"));
        assertThat(r.stopOut().averagePrice()).isEqualTo(d("99.600000"));
        assertThat(r.stopOut().price()).isNull();
        assertThat(r.priceOf(1)).isEqualTo(d("99.500000"));
        assertThat(r.priceOf(2)).isEqualTo(d("99.700000"));
        assertThat(r.priceOf(0)).isEqualTo(d("99.600000"));
    }

    @Test
    void everyBadBidIsNamedAndABidderBiddingBothKindsIsNamedOnEachBid() {
        ClearingTerms t = terms(AuctionFormat.SINGLE_PRICE, BidBasis.YIELD, 10_000, RATE_STEP);
        BidBook book = BidBook.builder(RATE_STEP, 5)
                .add("a", "dealer-01", BidKind.COMPETITIVE, d("3.0005"), 150, 0)
                .add("b", "dealer-02", BidKind.COMPETITIVE, d("3.000"), 1_000, 0)
                .add("c", "dealer-02", BidKind.NONCOMPETITIVE, null, 1_000, 0)
                .add("c", "dealer-03", BidKind.COMPETITIVE, d("-0.001"), 50, -1)
                .build();
        List<BidError> errors = BidValidator.validate(t, book);
        assertThat(errors).extracting(e -> e.index() + ":" + e.field()).containsExactlyInAnyOrder(
                "0:amount", "0:rate", "1:kind", "2:kind", "3:bidId", "3:amount", "3:netLongPosition", "3:rate");
        assertThat(errors).filteredOn(e -> e.index() == 0 && e.field().equals("rate")).first()
                .extracting(BidError::message).isEqualTo("bid a: rate must be a multiple of 0.001");
    }
}
