package io.sovereign.auction.domain.clearing;

import java.math.BigDecimal;

/**
 * What a clearing decided. When no competitive bid is awarded there is no stop-out:
 * {@link #stopOut()} is null and so are the rates, prices, coupon and allotment percentage.
 *
 * @param accepted awards aligned with the book's bids (0 for bids not awarded)
 */
public record ClearingResult(
        BidBook book,
        long[] accepted,
        StopOut stopOut,
        long totalTendered,
        long totalAccepted,
        long competitiveAccepted,
        long nonCompetitiveAccepted,
        BigDecimal bidToCover,
        PriceLookup prices) {

    /**
     * The clearing's rates (or prices on PRICE basis) and prices.
     *
     * @param high       the stop-out rate, or the worst accepted one when undersubscribed (on PRICE: the marginal, lowest price)
     * @param low        the best accepted rate (on PRICE: the highest accepted price)
     * @param median     the first level at which twice the cumulative accepted amount reaches the competitive total
     * @param allotmentPercentage the share awarded at the stop-out level, 2 dp ("100.00" when nothing was prorated)
     * @param price      the single price everyone pays (SINGLE_PRICE), else null
     * @param averagePrice accepted-amount weighted average of the competitive prices paid, 6 dp
     */
    public record StopOut(BigDecimal high, BigDecimal low, BigDecimal median, BigDecimal coupon,
            BigDecimal allotmentPercentage, BigDecimal price, BigDecimal averagePrice) {
    }

    /** The price a bid pays per 100 (6 dp), or null if it was not awarded or there is no stop-out. */
    public BigDecimal priceOf(int i) {
        return accepted[i] == 0 || stopOut == null ? null : prices.priceOf(i);
    }

    public long acceptedOf(int i) {
        return accepted[i];
    }

    /** How the price of an award is found (one price, or one per level plus the average). */
    @FunctionalInterface
    interface PriceLookup {
        BigDecimal priceOf(int bid);
    }
}
