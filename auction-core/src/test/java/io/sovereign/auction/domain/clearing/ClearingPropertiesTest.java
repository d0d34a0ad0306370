package io.sovereign.auction.domain.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast engine and the plain reference agree on thousands of generated auctions: every award,
 * every price and every statistic. Generated auctions favour the hard cases: few rate levels (ties
 * at the stop-out), large net long positions (binding caps), non-competitive bids that may exceed
 * the offering, odd bidder ids whose UTF-16 and code-point orders differ.
 */
class ClearingPropertiesTest {

    private static final List<String> BIDDERS = List.of("dealer-01", "dealer-02", "dealer-03", "Alpha", "alpha",
            "zeta", "\u00e9-bank", "\uD83D\uDE00-fund", "\uFB00-capital", "d");

    record Case(ClearingTerms terms, List<ReferenceClearing.Bid> bids) {
    }

    @Property(tries = 6000)
    void theFastEngineAgreesWithTheReference(@ForAll("auctions") Case c) {
        BidBook book = toBook(c);
        assertThat(BidValidator.validate(c.terms(), book)).isEmpty();
        SecurityPricing pricing = pricing(c.terms());

        ClearingResult fast = ClearingEngine.clear(c.terms(), book, pricing);
        ReferenceClearing.Outcome ref = ReferenceClearing.clear(c.terms(), c.bids(), pricing);

        for (int i = 0; i < book.size(); i++) {
            String id = book.bidId(i);
            assertThat(fast.acceptedOf(i)).as("accepted of %s", id).isEqualTo(ref.accepted().get(id));
            assertThat(fast.priceOf(i)).as("price of %s", id).isEqualTo(ref.prices().get(id));
        }
        var s = fast.stopOut();
        assertThat(s == null ? null : s.high()).as("high").isEqualTo(ref.high());
        assertThat(s == null ? null : s.low()).as("low").isEqualTo(ref.low());
        assertThat(s == null ? null : s.median()).as("median").isEqualTo(ref.median());
        assertThat(s == null ? null : s.coupon()).as("coupon").isEqualTo(ref.coupon());
        assertThat(s == null ? null : s.allotmentPercentage()).as("allotment").isEqualTo(ref.allotment());
        assertThat(s == null ? null : s.price()).as("price").isEqualTo(ref.price());
        assertThat(s == null ? null : s.averagePrice()).as("average").isEqualTo(ref.average());
        assertThat(fast.totalTendered()).isEqualTo(ref.totalTendered());
        assertThat(fast.totalAccepted()).isEqualTo(ref.totalAccepted());
        assertThat(fast.competitiveAccepted()).isEqualTo(ref.competitiveAccepted());
        assertThat(fast.nonCompetitiveAccepted()).isEqualTo(ref.nonCompetitiveAccepted());
        assertThat(fast.bidToCover()).isEqualTo(ref.bidToCover());

        checkInvariants(c, book, fast);
        Statistics.label("outcome").collect(s == null ? "no stop-out"
                : s.allotmentPercentage().compareTo(new BigDecimal("100.00")) < 0 ? "prorated" : "filled or short");
    }

    private static void checkInvariants(Case c, BidBook book, ClearingResult r) {
        ClearingTerms t = c.terms();
        long sum = 0;
        Map<String, Long> competitiveByBidder = new HashMap<>();
        Map<String, Long> netLong = new HashMap<>();
        for (int i = 0; i < book.size(); i++) {
            long a = r.acceptedOf(i);
            assertThat(a).isBetween(0L, book.amount(i));
            assertThat(a % t.bidMultiple()).isZero();
            sum += a;
            if (book.kind(i) == BidKind.COMPETITIVE) {
                competitiveByBidder.merge(book.bidderId(i), a, Long::sum);
            }
            netLong.merge(book.bidderId(i), c.bids().get(i).netLong(), Math::max);
        }
        assertThat(r.totalAccepted()).isEqualTo(sum)
                .isEqualTo(r.competitiveAccepted() + r.nonCompetitiveAccepted());
        competitiveByBidder.forEach((bidder, awarded) -> {
            BigDecimal cap = t.maxAwardRatio().multiply(BigDecimal.valueOf(t.offeringAmount()))
                    .subtract(BigDecimal.valueOf(netLong.get(bidder)));
            assertThat(BigDecimal.valueOf(awarded)).as("cap of %s", bidder).isLessThanOrEqualTo(cap.max(BigDecimal.ZERO));
        });
    }

    static BidBook toBook(Case c) {
        BidBook.Builder b = BidBook.builder(c.terms().increment(), c.bids().size());
        for (var bid : c.bids()) {
            b.add(bid.bidId(), bid.bidderId(), bid.kind(), bid.value(), bid.amount(), bid.netLong());
        }
        return b.build();
    }

    /** Any deterministic pricing does for comparing two clearings; this one has awkward decimals. */
    static SecurityPricing pricing(ClearingTerms t) {
        if (t.basis() == BidBasis.PRICE) {
            return SecurityPricing.onPrice(new BigDecimal("2.500"));
        }
        return new SecurityPricing() {
            @Override
            public BigDecimal coupon(BigDecimal highRate) {
                if (t.basis() == BidBasis.DISCOUNT_RATE) {
                    return null;
                }
                BigDecimal eighths = highRate.multiply(BigDecimal.valueOf(8)).setScale(0, RoundingMode.FLOOR);
                return eighths.divide(BigDecimal.valueOf(8), 3, RoundingMode.UNNECESSARY).max(new BigDecimal("0.125"));
            }

            @Override
            public BigDecimal price(BigDecimal rate, BigDecimal coupon) {
                BigDecimal c = coupon == null ? BigDecimal.ZERO : coupon;
                return BigDecimal.valueOf(100).subtract(rate.multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(7),
                        12, RoundingMode.HALF_EVEN)).add(c.divide(BigDecimal.valueOf(11), 12, RoundingMode.HALF_EVEN))
                        .setScale(6, RoundingMode.HALF_UP);
            }
        };
    }

    @Provide
    Arbitrary<Case> auctions() {
        Arbitrary<AuctionFormat> format = Arbitraries.of(AuctionFormat.class);
        Arbitrary<BidBasis> basis = Arbitraries.of(BidBasis.class);
        Arbitrary<Long> multiple = Arbitraries.of(1L, 100L, 1000L);
        Arbitrary<Integer> minMultiples = Arbitraries.of(1, 2, 5);
        Arbitrary<Integer> offeringMultiples = Arbitraries.integers().between(5, 20_000);
        Arbitrary<BigDecimal> ratio = Arbitraries.of(new BigDecimal("0.35"), new BigDecimal("0.25"),
                new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("0.1"));
        Arbitrary<Integer> ncLimitMultiples = Arbitraries.integers().between(0, 400);
        Arbitrary<Boolean> negativeRates = Arbitraries.of(true, false);
        return Combinators.combine(format, basis, multiple, minMultiples, offeringMultiples, ratio, ncLimitMultiples,
                negativeRates).as((f, b, m, mins, off, r, ncl, neg) -> {
                    BigDecimal increment = switch (b) {
                        case YIELD -> new BigDecimal("0.001");
                        case DISCOUNT_RATE -> new BigDecimal("0.005");
                        case PRICE -> new BigDecimal("0.01");
                    };
                    long minimumBid = m * mins;
                    return new ClearingTerms(f, b, m * off, r, minimumBid + m * ncl, minimumBid, m, increment,
                            neg && b == BidBasis.YIELD);
                }).flatMap(terms -> bids(terms).map(bids -> new Case(terms, bids)));
    }

    private Arbitrary<List<ReferenceClearing.Bid>> bids(ClearingTerms t) {
        long m = t.bidMultiple();
        long maxMultiples = Math.max(t.minimumBid() / m, t.offeringAmount() / m / 3);
        Arbitrary<Integer> bidderCount = Arbitraries.integers().between(1, BIDDERS.size());
        Arbitrary<Integer> bidCount = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> levelSpread = Arbitraries.integers().between(1, 12);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(bidderCount, bidCount, levelSpread, seed).as((bidders, count, spread, s) -> {
            java.util.Random random = new java.util.Random(s);
            Map<String, BidKind> kinds = new HashMap<>();
            for (int k = 0; k < bidders; k++) {
                kinds.put(BIDDERS.get(k), random.nextInt(4) == 0 ? BidKind.NONCOMPETITIVE : BidKind.COMPETITIVE);
            }
            long base = switch (t.basis()) {
                case PRICE -> 9_990;
                case YIELD -> t.negativeRatesAllowed() ? -4 : 0;
                case DISCOUNT_RATE -> 100;
            };
            List<ReferenceClearing.Bid> bids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String bidder = BIDDERS.get(random.nextInt(bidders));
                BidKind kind = kinds.get(bidder);
                String id = (random.nextBoolean() ? "b" : "B") + (char) ('a' + random.nextInt(26)) + "-" + i;
                long netLong = random.nextInt(5) == 0 ? m * (long) (random.nextDouble() * t.offeringAmount() / m * 0.4) : 0;
                if (kind == BidKind.COMPETITIVE) {
                    long levels = base + random.nextInt(spread);
                    long amount = m * between(random, t.minimumBid() / m, maxMultiples);
                    bids.add(new ReferenceClearing.Bid(id, bidder, kind,
                            t.increment().multiply(BigDecimal.valueOf(levels)), amount, netLong));
                } else {
                    long amount = m * between(random, t.minimumBid() / m, t.nonCompetitiveLimit() / m);
                    bids.add(new ReferenceClearing.Bid(id, bidder, kind, null, amount, netLong));
                }
            }
            return bids;
        });
    }

    private static long between(java.util.Random random, long min, long max) {
        return max <= min ? min : min + (long) (random.nextDouble() * (max - min + 1));
    }
}
