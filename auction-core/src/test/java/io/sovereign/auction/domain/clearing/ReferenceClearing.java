package io.sovereign.auction.domain.clearing;

import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DOMAIN.md §2 written as plainly as possible, with objects and BigDecimal: the yardstick the fast
 * engine is compared with. Slow on purpose; no shared code with the engine but the terms.
 */
final class ReferenceClearing {

    record Bid(String bidId, String bidderId, BidKind kind, BigDecimal value, long amount, long netLong) {
    }

    record Outcome(Map<String, Long> accepted, Map<String, BigDecimal> prices, BigDecimal high, BigDecimal low,
            BigDecimal median, BigDecimal coupon, BigDecimal allotment, BigDecimal price, BigDecimal average,
            long totalTendered, long totalAccepted, long competitiveAccepted, long nonCompetitiveAccepted,
            BigDecimal bidToCover) {
    }

    private ReferenceClearing() {
    }

    static Outcome clear(ClearingTerms t, List<Bid> bids, SecurityPricing pricing) {
        BigDecimal offering = BigDecimal.valueOf(t.offeringAmount());
        long multiple = t.bidMultiple();
        Map<String, Long> accepted = new LinkedHashMap<>();
        bids.forEach(b -> accepted.put(b.bidId(), 0L));

        // 2. bidder caps
        Map<String, Long> netLong = new HashMap<>();
        for (Bid b : bids) {
            netLong.merge(b.bidderId(), b.netLong(), Math::max);
        }
        Map<String, Long> capLeft = new HashMap<>();
        netLong.forEach((bidder, nl) -> {
            BigDecimal raw = t.maxAwardRatio().multiply(offering).subtract(BigDecimal.valueOf(nl));
            long floored = raw.divide(BigDecimal.valueOf(multiple), 0, RoundingMode.FLOOR).longValue() * multiple;
            capLeft.put(bidder, Math.max(0, floored));
        });

        // 3. non-competitive first
        long ncTotal = bids.stream().filter(b -> b.kind() == BidKind.NONCOMPETITIVE).mapToLong(Bid::amount).sum();
        long remaining;
        if (ncTotal <= t.offeringAmount()) {
            bids.stream().filter(b -> b.kind() == BidKind.NONCOMPETITIVE).forEach(b -> accepted.put(b.bidId(), b.amount()));
            remaining = t.offeringAmount() - ncTotal;
        } else {
            BigDecimal pct = offering.divide(BigDecimal.valueOf(ncTotal), 4, RoundingMode.DOWN);
            for (Bid b : bids) {
                if (b.kind() == BidKind.NONCOMPETITIVE) {
                    accepted.put(b.bidId(), roundUpToMultiple(pct.multiply(BigDecimal.valueOf(b.amount())), multiple));
                }
            }
            remaining = 0;
        }

        // 4. competitive, level by level, best first
        Comparator<BigDecimal> best = t.basis() == BidBasis.PRICE ? Comparator.reverseOrder() : Comparator.naturalOrder();
        TreeMap<BigDecimal, List<Bid>> levels = new TreeMap<>(best);
        for (Bid b : bids) {
            if (b.kind() == BidKind.COMPETITIVE) {
                levels.computeIfAbsent(b.value(), k -> new ArrayList<>()).add(b);
            }
        }
        BigDecimal allotment = new BigDecimal("100.00");
        List<BigDecimal> acceptedLevels = new ArrayList<>();
        List<Long> acceptedPerLevel = new ArrayList<>();
        for (var level : levels.entrySet()) {
            if (remaining == 0) {
                break;
            }
            List<Bid> atLevel = new ArrayList<>(level.getValue());
            atLevel.sort(Comparator.comparing(Bid::bidderId, CodePoints.ORDER).thenComparing(Bid::bidId, CodePoints.ORDER));
            Map<String, Long> eligible = new LinkedHashMap<>();
            long total = 0;
            for (Bid b : atLevel) {
                long e = Math.min(b.amount(), capLeft.get(b.bidderId()));
                capLeft.put(b.bidderId(), capLeft.get(b.bidderId()) - e);
                eligible.put(b.bidId(), e);
                total += e;
            }
            if (total == 0) {
                continue;
            }
            long levelAccepted = 0;
            if (total <= remaining) {
                for (var e : eligible.entrySet()) {
                    accepted.put(e.getKey(), e.getValue());
                }
                levelAccepted = total;
                remaining -= total;
            } else {
                BigDecimal pct = BigDecimal.valueOf(remaining).divide(BigDecimal.valueOf(total), 4, RoundingMode.CEILING);
                for (var e : eligible.entrySet()) {
                    if (e.getValue() > 0) {
                        long award = Math.min(e.getValue(), Math.max(t.minimumBid(),
                                roundUpToMultiple(pct.multiply(BigDecimal.valueOf(e.getValue())), multiple)));
                        accepted.put(e.getKey(), award);
                        levelAccepted += award;
                    }
                }
                allotment = pct.movePointRight(2).setScale(2, RoundingMode.UNNECESSARY);
                remaining = 0;
            }
            acceptedLevels.add(level.getKey());
            acceptedPerLevel.add(levelAccepted);
        }

        // 6. statistics, 5. prices
        long totalTendered = bids.stream().mapToLong(Bid::amount).sum();
        long competitiveAccepted = acceptedPerLevel.stream().mapToLong(Long::longValue).sum();
        long totalAccepted = accepted.values().stream().mapToLong(Long::longValue).sum();
        long ncAccepted = totalAccepted - competitiveAccepted;
        BigDecimal bidToCover = totalAccepted == 0 ? null : BigDecimal.valueOf(totalTendered)
                .divide(BigDecimal.valueOf(totalAccepted), 2, RoundingMode.HALF_UP);
        Map<String, BigDecimal> prices = new HashMap<>();
        if (acceptedLevels.isEmpty()) {
            return new Outcome(accepted, prices, null, null, null, null, null, null, null, totalTendered,
                    totalAccepted, competitiveAccepted, ncAccepted, bidToCover);
        }
        int scale = t.basis() == BidBasis.PRICE ? 6 : 3;
        BigDecimal high = acceptedLevels.get(acceptedLevels.size() - 1).setScale(scale);
        BigDecimal low = acceptedLevels.get(0).setScale(scale);
        BigDecimal median = null;
        long cumulative = 0;
        for (int l = 0; l < acceptedLevels.size() && median == null; l++) {
            cumulative += acceptedPerLevel.get(l);
            if (2 * cumulative >= competitiveAccepted) {
                median = acceptedLevels.get(l).setScale(scale);
            }
        }
        BigDecimal coupon = pricing.coupon(high);
        BigDecimal single = null;
        BigDecimal average;
        if (t.format() == AuctionFormat.SINGLE_PRICE) {
            single = pricing.price(high, coupon);
            average = single;
            for (Bid b : bids) {
                prices.put(b.bidId(), single);
            }
        } else {
            BigDecimal weighted = BigDecimal.ZERO;
            for (Bid b : bids) {
                if (b.kind() == BidKind.COMPETITIVE && accepted.get(b.bidId()) > 0) {
                    BigDecimal p = pricing.price(b.value().setScale(scale), coupon);
                    prices.put(b.bidId(), p);
                    weighted = weighted.add(p.multiply(BigDecimal.valueOf(accepted.get(b.bidId()))));
                }
            }
            average = weighted.divide(BigDecimal.valueOf(competitiveAccepted), 6, RoundingMode.HALF_UP);
            for (Bid b : bids) {
                if (b.kind() == BidKind.NONCOMPETITIVE) {
                    prices.put(b.bidId(), average);
                }
            }
        }
        prices.keySet().removeIf(id -> accepted.get(id) == 0);
        return new Outcome(accepted, prices, high, low, median, coupon, allotment, single, average, totalTendered,
                totalAccepted, competitiveAccepted, ncAccepted, bidToCover);
    }

    private static long roundUpToMultiple(BigDecimal x, long multiple) {
        return x.divide(BigDecimal.valueOf(multiple), 0, RoundingMode.CEILING).longValueExact() * multiple;
    }
}
