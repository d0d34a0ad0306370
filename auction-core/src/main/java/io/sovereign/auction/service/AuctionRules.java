package io.sovereign.auction.service;

import io.sovereign.auction.domain.AuctionPricing;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.domain.SecurityType;
import io.sovereign.auction.domain.clearing.ClearingTerms;
import io.sovereign.auction.domain.clearing.SecurityPricing;
import io.sovereign.auction.domain.pricing.BondPricing;
import io.sovereign.auction.domain.pricing.BondTerms;
import io.sovereign.auction.repository.Auction;
import java.math.BigDecimal;

/** A stored auction's terms as the clearing engine and pricing take them. */
public final class AuctionRules {

    private AuctionRules() {
    }

    public static ClearingTerms clearingTerms(Auction a) {
        return new ClearingTerms(a.format, a.bidBasis, a.offeringAmount, a.maxAwardRatio, a.nonCompetitiveLimit,
                a.minimumBid, a.bidMultiple, a.bidBasis == BidBasis.PRICE ? a.priceIncrement : a.rateIncrement,
                a.securityType == SecurityType.TIPS);
    }

    public static SecurityPricing pricing(Auction a) {
        return AuctionPricing.of(a.securityType, a.bidBasis, a.issueDate, a.maturityDate, a.datedDate,
                a.firstInterestPaymentDate, a.couponRate);
    }

    /**
     * Accrued interest per 100 the buyers pay on top of the price (from the dated date to the issue
     * date), 6 decimals; zero for bills, and for TIPS the real (unadjusted) figure.
     */
    public static BigDecimal accruedPer100(Auction a, BigDecimal coupon) {
        if (a.securityType == SecurityType.BILL || coupon == null) {
            return BigDecimal.ZERO.setScale(6);
        }
        return BondPricing.resolve(new BondTerms(a.issueDate, a.maturityDate, a.datedDate, a.firstInterestPaymentDate,
                coupon)).accruedInterest();
    }

    /** The deadline of a bid of this kind. */
    public static java.time.Instant deadline(Auction a, io.sovereign.auction.domain.clearing.BidKind kind) {
        return kind == io.sovereign.auction.domain.clearing.BidKind.COMPETITIVE ? a.competitiveClosesAt
                : a.nonCompetitiveClosesAt;
    }
}
