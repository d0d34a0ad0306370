package io.sovereign.auction.domain.clearing;

import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Clears an auction exactly as DOMAIN.md §2 says, fast: bids live in primitive columns, the
 * competitive ones are put in best-first order by a single sort of packed {@code long} keys
 * (level, bidder rank, position), and only the rare bidder whose cap binds inside a level has its
 * bids at that level ordered by bid id. Decimals appear only once per accepted level.
 * Call {@link BidValidator#validate} first: the engine trusts its input.
 */
public final class ClearingEngine {

    /** Percentages are counted in steps of 0.01%: 10 000 steps make 100%. */
    static final long PCT_STEPS = 10_000;
    private static final int POSITION_BITS = 20;
    private static final int RANK_BITS = 20;
    private static final long LEVEL_SPAN = 1L << (63 - POSITION_BITS - RANK_BITS);

    private ClearingEngine() {
    }

    public static ClearingResult clear(ClearingTerms t, BidBook book, SecurityPricing pricing) {
        final int n = book.size;
        final long[] amount = book.amount;
        final long[] accepted = new long[n];
        final long multiple = t.bidMultiple();

        long totalTendered = 0;
        long nonCompetitiveTotal = 0;
        int competitiveCount = 0;
        for (int i = 0; i < n; i++) {
            totalTendered += amount[i];
            if (book.competitive[i]) {
                competitiveCount++;
            } else {
                nonCompetitiveTotal += amount[i];
            }
        }

        // step 3: non-competitive first, prorated (rounded down to 0.01%) if they exceed the offering
        long remaining = t.offeringAmount();
        long nonCompetitiveAccepted = 0;
        if (nonCompetitiveTotal <= remaining) {
            for (int i = 0; i < n; i++) {
                if (!book.competitive[i]) {
                    accepted[i] = amount[i];
                }
            }
            nonCompetitiveAccepted = nonCompetitiveTotal;
            remaining -= nonCompetitiveTotal;
        } else {
            long pct = Math.multiplyExact(remaining, PCT_STEPS) / nonCompetitiveTotal;
            for (int i = 0; i < n; i++) {
                if (!book.competitive[i]) {
                    accepted[i] = roundUp(amount[i] * pct, PCT_STEPS * multiple) * multiple;
                    nonCompetitiveAccepted += accepted[i];
                }
            }
            remaining = 0;
        }

        // step 4: competitive, best level first
        final int[] order = bestFirst(t, book, competitiveCount);
        final long[] capLeft = caps(t, book);
        final long[] level = book.level;
        final int[] bidder = book.bidder;
        final long[] eligible = new long[competitiveCount];
        LevelTally tally = new LevelTally();
        long competitiveAccepted = 0;
        long allotmentSteps = PCT_STEPS;
        int pos = 0;
        while (pos < competitiveCount && remaining > 0) {
            final long lvl = level[order[pos]];
            int end = pos;
            while (end < competitiveCount && level[order[end]] == lvl) {
                end++;
            }
            long levelEligible = 0;
            for (int g = pos; g < end;) {
                int b = bidder[order[g]];
                int groupEnd = g;
                long groupAmount = 0;
                while (groupEnd < end && bidder[order[groupEnd]] == b) {
                    groupAmount += amount[order[groupEnd]];
                    groupEnd++;
                }
                if (groupEnd - g > 1 && capLeft[b] < groupAmount) {
                    sortByBidId(book, order, g, groupEnd); // the cap binds: bid id order decides who gets it
                }
                for (int k = g; k < groupEnd; k++) {
                    long e = Math.min(amount[order[k]], capLeft[b]);
                    eligible[k] = e;
                    capLeft[b] -= e;
                    levelEligible += e;
                }
                g = groupEnd;
            }
            if (levelEligible > 0) {
                long levelAccepted = 0;
                if (levelEligible <= remaining) {
                    for (int k = pos; k < end; k++) {
                        accepted[order[k]] = eligible[k];
                    }
                    levelAccepted = levelEligible;
                    remaining -= levelEligible;
                } else {
                    // the stop-out level: pct rounded up to 0.01%, awards rounded up to the multiple
                    long pct = roundUp(Math.multiplyExact(remaining, PCT_STEPS), levelEligible);
                    for (int k = pos; k < end; k++) {
                        long e = eligible[k];
                        if (e > 0) {
                            long a = Math.min(e, Math.max(t.minimumBid(),
                                    roundUp(e * pct, PCT_STEPS * multiple) * multiple));
                            accepted[order[k]] = a;
                            levelAccepted += a;
                        }
                    }
                    allotmentSteps = pct;
                    remaining = 0;
                }
                competitiveAccepted += levelAccepted;
                tally.add(lvl, levelAccepted);
            }
            pos = end;
        }

        long totalAccepted = nonCompetitiveAccepted + competitiveAccepted;
        BigDecimal bidToCover = totalAccepted == 0 ? null
                : BigDecimal.valueOf(totalTendered).divide(BigDecimal.valueOf(totalAccepted), 2, RoundingMode.HALF_UP);
        if (tally.size == 0) {
            return new ClearingResult(book, accepted, null, totalTendered, totalAccepted, competitiveAccepted,
                    nonCompetitiveAccepted, bidToCover, i -> null);
        }
        return priced(t, book, pricing, accepted, tally, allotmentSteps, totalTendered, totalAccepted,
                competitiveAccepted, nonCompetitiveAccepted, bidToCover);
    }

    /** Step 5 and 6: rates, coupon, prices and statistics, once per accepted level. */
    private static ClearingResult priced(ClearingTerms t, BidBook book, SecurityPricing pricing, long[] accepted,
            LevelTally tally, long allotmentSteps, long totalTendered, long totalAccepted, long competitiveAccepted,
            long nonCompetitiveAccepted, BigDecimal bidToCover) {
        BigDecimal high = value(t, tally.levels[tally.size - 1]);
        BigDecimal low = value(t, tally.levels[0]);
        BigDecimal median = null;
        long cumulative = 0;
        for (int l = 0; l < tally.size && median == null; l++) {
            cumulative += tally.accepted[l];
            if (2 * cumulative >= competitiveAccepted) {
                median = value(t, tally.levels[l]);
            }
        }
        BigDecimal coupon = pricing.coupon(high);
        BigDecimal allotment = BigDecimal.valueOf(allotmentSteps, 2);
        ClearingResult.PriceLookup lookup;
        BigDecimal singlePrice = null;
        BigDecimal averagePrice;
        if (t.format() == AuctionFormat.SINGLE_PRICE) {
            BigDecimal p = pricing.price(high, coupon);
            singlePrice = p;
            averagePrice = p;
            lookup = i -> p;
        } else {
            Map<Long, BigDecimal> byLevel = new HashMap<>(tally.size * 2);
            BigDecimal weighted = BigDecimal.ZERO;
            for (int l = 0; l < tally.size; l++) {
                BigDecimal p = pricing.price(value(t, tally.levels[l]), coupon);
                byLevel.put(tally.levels[l], p);
                weighted = weighted.add(p.multiply(BigDecimal.valueOf(tally.accepted[l])));
            }
            BigDecimal avg = weighted.divide(BigDecimal.valueOf(competitiveAccepted), 6, RoundingMode.HALF_UP);
            averagePrice = avg;
            lookup = i -> book.competitive[i] ? byLevel.get(book.level[i]) : avg;
        }
        var stopOut = new ClearingResult.StopOut(high, low, median, coupon, allotment, singlePrice, averagePrice);
        return new ClearingResult(book, accepted, stopOut, totalTendered, totalAccepted, competitiveAccepted,
                nonCompetitiveAccepted, bidToCover, lookup);
    }

    /** A level as a rate (3 dp) or price (6 dp). */
    static BigDecimal value(ClearingTerms t, long level) {
        return t.increment().multiply(BigDecimal.valueOf(level)).setScale(t.outputScale(), RoundingMode.UNNECESSARY);
    }

    /** ceil(x / d) for x >= 0, d > 0. */
    static long roundUp(long x, long d) {
        return (x + d - 1) / d;
    }

    /** Step 2: the most each bidder may be awarded competitively. */
    static long[] caps(ClearingTerms t, BidBook book) {
        int bidders = book.bidderCount();
        long[] netLong = new long[bidders];
        for (int i = 0; i < book.size; i++) {
            int b = book.bidder[i];
            netLong[b] = Math.max(netLong[b], book.netLong[i]);
        }
        BigDecimal base = t.maxAwardRatio().multiply(BigDecimal.valueOf(t.offeringAmount()));
        BigDecimal multiple = BigDecimal.valueOf(t.bidMultiple());
        long[] caps = new long[bidders];
        for (int b = 0; b < bidders; b++) {
            long floored = base.subtract(BigDecimal.valueOf(netLong[b])).divide(multiple, 0, RoundingMode.FLOOR)
                    .longValueExact() * t.bidMultiple();
            caps[b] = Math.max(0, floored);
        }
        return caps;
    }

    /** Positions of the competitive bids, best level first, then bidder id, then input order. */
    static int[] bestFirst(ClearingTerms t, BidBook book, int competitiveCount) {
        int[] rank = bidderRanks(book);
        boolean descending = t.basis() == BidBasis.PRICE; // the highest price is the best
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < book.size; i++) {
            if (book.competitive[i]) {
                min = Math.min(min, book.level[i]);
                max = Math.max(max, book.level[i]);
            }
        }
        int[] order = new int[competitiveCount];
        if (competitiveCount == 0) {
            return order;
        }
        boolean packable = max - min >= 0 && max - min < LEVEL_SPAN && book.size <= (1 << POSITION_BITS)
                && rank.length <= (1 << RANK_BITS);
        if (packable) {
            long[] keys = new long[competitiveCount];
            int c = 0;
            for (int i = 0; i < book.size; i++) {
                if (book.competitive[i]) {
                    long key = descending ? max - book.level[i] : book.level[i] - min;
                    keys[c++] = key << (POSITION_BITS + RANK_BITS) | (long) rank[book.bidder[i]] << POSITION_BITS | i;
                }
            }
            Arrays.sort(keys);
            for (int k = 0; k < competitiveCount; k++) {
                order[k] = (int) (keys[k] & ((1L << POSITION_BITS) - 1));
            }
            return order;
        }
        // levels too far apart to pack: the same order by comparison
        Integer[] boxed = new Integer[competitiveCount];
        int c = 0;
        for (int i = 0; i < book.size; i++) {
            if (book.competitive[i]) {
                boxed[c++] = i;
            }
        }
        Arrays.sort(boxed, (a, b) -> {
            int byLevel = descending ? Long.compare(book.level[b], book.level[a]) : Long.compare(book.level[a], book.level[b]);
            if (byLevel != 0) {
                return byLevel;
            }
            int byBidder = Integer.compare(rank[book.bidder[a]], rank[book.bidder[b]]);
            return byBidder != 0 ? byBidder : Integer.compare(a, b);
        });
        for (int k = 0; k < competitiveCount; k++) {
            order[k] = boxed[k];
        }
        return order;
    }

    /** Each bidder's rank in code-point order of bidder ids. */
    private static int[] bidderRanks(BidBook book) {
        int count = book.bidderCount();
        Integer[] byName = new Integer[count];
        for (int b = 0; b < count; b++) {
            byName[b] = b;
        }
        Arrays.sort(byName, (a, b) -> CodePoints.compare(book.bidderNames[a], book.bidderNames[b]));
        int[] rank = new int[count];
        for (int r = 0; r < count; r++) {
            rank[byName[r]] = r;
        }
        return rank;
    }

    private static void sortByBidId(BidBook book, int[] order, int from, int to) {
        Integer[] group = new Integer[to - from];
        for (int k = from; k < to; k++) {
            group[k - from] = order[k];
        }
        Arrays.sort(group, (a, b) -> CodePoints.compare(book.bidIds[a], book.bidIds[b]));
        for (int k = from; k < to; k++) {
            order[k] = group[k - from];
        }
    }

    /** Accepted amount per accepted level, best first. */
    private static final class LevelTally {
        long[] levels = new long[64];
        long[] accepted = new long[64];
        int size;

        void add(long level, long amount) {
            if (size == levels.length) {
                levels = Arrays.copyOf(levels, size * 2);
                accepted = Arrays.copyOf(accepted, size * 2);
            }
            levels[size] = level;
            accepted[size] = amount;
            size++;
        }
    }
}
