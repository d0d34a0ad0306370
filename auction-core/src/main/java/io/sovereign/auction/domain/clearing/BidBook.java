package io.sovereign.auction.domain.clearing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The bids of one clearing in columns: one array per field, bidders interned to dense indices.
 * A competitive bid's rate (or price) is stored as its number of increments ({@code level});
 * a value that is not a whole number of increments is kept aside for validation to report.
 */
public final class BidBook {

    /** Marks a level that could not be represented (not a multiple of the increment). */
    static final long NOT_ON_INCREMENT = Long.MIN_VALUE;

    final int size;
    final String[] bidIds;
    final int[] bidder;
    final String[] bidderNames;
    final boolean[] competitive;
    final long[] level;
    final BigDecimal[] rawValue;
    final long[] amount;
    final long[] netLong;
    final BigDecimal increment;

    private BidBook(Builder b) {
        this.size = b.size;
        this.bidIds = Arrays.copyOf(b.bidIds, b.size);
        this.bidder = Arrays.copyOf(b.bidder, b.size);
        this.bidderNames = b.bidderNames.toArray(new String[0]);
        this.competitive = Arrays.copyOf(b.competitive, b.size);
        this.level = Arrays.copyOf(b.level, b.size);
        this.rawValue = Arrays.copyOf(b.rawValue, b.size);
        this.amount = Arrays.copyOf(b.amount, b.size);
        this.netLong = Arrays.copyOf(b.netLong, b.size);
        this.increment = b.increment;
    }

    public static Builder builder(BigDecimal increment, int expectedSize) {
        return new Builder(increment, expectedSize);
    }

    public int size() {
        return size;
    }

    public String bidId(int i) {
        return bidIds[i];
    }

    public String bidderId(int i) {
        return bidderNames[bidder[i]];
    }

    public BidKind kind(int i) {
        return competitive[i] ? BidKind.COMPETITIVE : BidKind.NONCOMPETITIVE;
    }

    public long amount(int i) {
        return amount[i];
    }

    /** The bid's rate or price as sent (null for a non-competitive bid). */
    public BigDecimal value(int i) {
        return rawValue[i];
    }

    int bidderCount() {
        return bidderNames.length;
    }

    /** Collects bids in input order. */
    public static final class Builder {
        private final BigDecimal increment;
        private final Map<String, Integer> bidderIndex = new HashMap<>();
        private final java.util.List<String> bidderNames = new java.util.ArrayList<>();
        private int size;
        private String[] bidIds;
        private int[] bidder;
        private boolean[] competitive;
        private long[] level;
        private BigDecimal[] rawValue;
        private long[] amount;
        private long[] netLong;

        private Builder(BigDecimal increment, int expectedSize) {
            if (increment == null || increment.signum() <= 0) {
                throw new IllegalArgumentException("increment must be positive");
            }
            this.increment = increment;
            int cap = Math.max(16, expectedSize);
            bidIds = new String[cap];
            bidder = new int[cap];
            competitive = new boolean[cap];
            level = new long[cap];
            rawValue = new BigDecimal[cap];
            amount = new long[cap];
            netLong = new long[cap];
        }

        /** A competitive bid at {@code value} (rate or price), or a non-competitive one (value null). */
        public Builder add(String bidId, String bidderId, BidKind kind, BigDecimal value, long amount,
                long netLongPosition) {
            if (size == bidIds.length) {
                grow();
            }
            int i = size++;
            bidIds[i] = bidId;
            bidder[i] = bidderIndex.computeIfAbsent(bidderId, k -> {
                bidderNames.add(k);
                return bidderNames.size() - 1;
            });
            competitive[i] = kind == BidKind.COMPETITIVE;
            rawValue[i] = value;
            level[i] = competitive[i] && value != null ? levelOf(value) : 0;
            this.amount[i] = amount;
            netLong[i] = netLongPosition;
            return this;
        }

        /** A competitive bid whose rate or price is already a number of increments (benchmarks, tests). */
        public Builder addLevel(String bidId, String bidderId, long levels, long amount, long netLongPosition) {
            add(bidId, bidderId, BidKind.COMPETITIVE, null, amount, netLongPosition);
            level[size - 1] = levels;
            rawValue[size - 1] = increment.multiply(BigDecimal.valueOf(levels));
            return this;
        }

        private long levelOf(BigDecimal value) {
            BigDecimal[] qr = value.divideAndRemainder(increment);
            if (qr[1].signum() != 0) {
                return NOT_ON_INCREMENT;
            }
            try {
                return qr[0].setScale(0, RoundingMode.UNNECESSARY).longValueExact();
            } catch (ArithmeticException e) {
                return NOT_ON_INCREMENT;
            }
        }

        private void grow() {
            int cap = bidIds.length * 2;
            bidIds = Arrays.copyOf(bidIds, cap);
            bidder = Arrays.copyOf(bidder, cap);
            competitive = Arrays.copyOf(competitive, cap);
            level = Arrays.copyOf(level, cap);
            rawValue = Arrays.copyOf(rawValue, cap);
            amount = Arrays.copyOf(amount, cap);
            netLong = Arrays.copyOf(netLong, cap);
        }

        public BidBook build() {
            return new BidBook(this);
        }
    }
}
