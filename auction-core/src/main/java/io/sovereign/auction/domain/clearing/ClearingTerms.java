package io.sovereign.auction.domain.clearing;

import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.BidBasis;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The terms the engine clears under.
 *
 * @param increment            the rate increment (YIELD, DISCOUNT_RATE) or price increment (PRICE)
 * @param negativeRatesAllowed TIPS real yields may be negative; every other rate is {@code >= 0}
 */
public record ClearingTerms(
        AuctionFormat format,
        BidBasis basis,
        long offeringAmount,
        BigDecimal maxAwardRatio,
        long nonCompetitiveLimit,
        long minimumBid,
        long bidMultiple,
        BigDecimal increment,
        boolean negativeRatesAllowed) {

    public ClearingTerms {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(maxAwardRatio, "maxAwardRatio");
        Objects.requireNonNull(increment, "increment");
        if (offeringAmount <= 0 || bidMultiple <= 0 || minimumBid <= 0 || increment.signum() <= 0) {
            throw new IllegalArgumentException("offering, bid multiple, minimum bid and increment must be positive");
        }
    }

    /** Scale of a rate (3) or price (6) as published. */
    public int outputScale() {
        return basis == BidBasis.PRICE ? 6 : 3;
    }
}
