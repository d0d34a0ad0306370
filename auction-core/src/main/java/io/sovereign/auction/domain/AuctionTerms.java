package io.sovereign.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms an auction is announced with (or simulated under), defaults applied (API.md).
 * {@link #violations} lists every rule they break, so the desk sees all problems at once. A
 * simulation has no schedule: the three instants are then null and not checked.
 */
public record AuctionTerms(
        AuctionFormat format,
        BidBasis bidBasis,
        String isin,
        SecurityType securityType,
        LocalDate issueDate,
        LocalDate maturityDate,
        LocalDate datedDate,
        LocalDate firstInterestPaymentDate,
        BigDecimal couponRate,
        long offeringAmount,
        BigDecimal maxAwardRatio,
        long nonCompetitiveLimit,
        long minimumBid,
        long bidMultiple,
        BigDecimal rateIncrement,
        BigDecimal priceIncrement,
        Instant biddingOpensAt,
        Instant nonCompetitiveClosesAt,
        Instant competitiveClosesAt) {

    public static final BigDecimal DEFAULT_MAX_AWARD_RATIO = new BigDecimal("0.35");
    public static final long DEFAULT_NON_COMPETITIVE_LIMIT = 10_000_000L;
    public static final long DEFAULT_MINIMUM_BID = 100L;
    public static final long DEFAULT_BID_MULTIPLE = 100L;
    public static final BigDecimal DEFAULT_RATE_INCREMENT = new BigDecimal("0.001");
    public static final BigDecimal DEFAULT_DISCOUNT_RATE_INCREMENT = new BigDecimal("0.005");
    public static final BigDecimal DEFAULT_PRICE_INCREMENT = new BigDecimal("0.01");

    /**
     * Terms as a request states them, API.md's defaults filled in where a value is absent (null):
     * one place for the defaults of announcements and simulations.
     */
    public static AuctionTerms withDefaults(AuctionFormat format, BidBasis basis, String isin, SecurityType type,
            LocalDate issueDate, LocalDate maturityDate, LocalDate datedDate, LocalDate firstInterestPaymentDate,
            BigDecimal couponRate, long offeringAmount, BigDecimal maxAwardRatio, Long nonCompetitiveLimit,
            Long minimumBid, Long bidMultiple, BigDecimal rateIncrement, BigDecimal priceIncrement,
            Instant biddingOpensAt, Instant nonCompetitiveClosesAt, Instant competitiveClosesAt) {
        return new AuctionTerms(format, basis, isin, type, issueDate, maturityDate, datedDate, firstInterestPaymentDate,
                couponRate, offeringAmount,
                maxAwardRatio != null ? maxAwardRatio : DEFAULT_MAX_AWARD_RATIO,
                nonCompetitiveLimit != null ? nonCompetitiveLimit : DEFAULT_NON_COMPETITIVE_LIMIT,
                minimumBid != null ? minimumBid : DEFAULT_MINIMUM_BID,
                bidMultiple != null ? bidMultiple : DEFAULT_BID_MULTIPLE,
                rateIncrement != null ? rateIncrement : defaultRateIncrement(basis),
                priceIncrement != null ? priceIncrement : DEFAULT_PRICE_INCREMENT,
                biddingOpensAt, nonCompetitiveClosesAt, competitiveClosesAt);
    }

    /** The rate increment that applies when none is given, by bid basis. */
    public static BigDecimal defaultRateIncrement(BidBasis basis) {
        return basis == BidBasis.DISCOUNT_RATE ? DEFAULT_DISCOUNT_RATE_INCREMENT : DEFAULT_RATE_INCREMENT;
    }

    public List<TermsViolation> violations(Instant now) {
        List<TermsViolation> v = new ArrayList<>();
        if (!bidBasis.allows(securityType)) {
            v.add(new TermsViolation("bidBasis", bidBasis + " bids are not allowed for a " + securityType));
        }
        if (isin != null && !Isin.isValid(isin)) {
            v.add(new TermsViolation("security.isin", "is not a valid ISIN (12 characters with a correct check digit)"));
        }
        if (!maturityDate.isAfter(issueDate)) {
            v.add(new TermsViolation("security.maturityDate", "must be after the issue date"));
        }
        if (datedDate != null && datedDate.isAfter(issueDate)) {
            v.add(new TermsViolation("security.datedDate", "must not be after the issue date"));
        }
        if (firstInterestPaymentDate != null
                && (!firstInterestPaymentDate.isAfter(issueDate) || firstInterestPaymentDate.isAfter(maturityDate))) {
            v.add(new TermsViolation("security.firstInterestPaymentDate",
                    "must be after the issue date and not after maturity"));
        }
        if (!securityType.hasCoupon() && (couponRate != null || firstInterestPaymentDate != null)) {
            v.add(new TermsViolation("security.couponRate", "a BILL has no coupon"));
        }
        if (couponRate != null && (couponRate.signum() < 0 || couponRate.scale() > 3)) {
            v.add(new TermsViolation("security.couponRate", "must be >= 0 with at most 3 decimals"));
        }
        if (bidBasis == BidBasis.PRICE && securityType.hasCoupon() && couponRate == null) {
            v.add(new TermsViolation("security.couponRate", "is required for a " + securityType + " bid on PRICE"));
        }
        if (minimumBid <= 0) {
            v.add(new TermsViolation("minimumBid", "must be positive"));
        }
        if (bidMultiple <= 0) {
            v.add(new TermsViolation("bidMultiple", "must be positive"));
        } else {
            if (minimumBid > 0 && minimumBid % bidMultiple != 0) {
                v.add(new TermsViolation("minimumBid", "must be a multiple of bidMultiple " + bidMultiple));
            }
            if (offeringAmount <= 0 || offeringAmount % bidMultiple != 0) {
                v.add(new TermsViolation("offeringAmount", "must be positive and a multiple of bidMultiple " + bidMultiple));
            }
            if (nonCompetitiveLimit < 0 || nonCompetitiveLimit % bidMultiple != 0) {
                v.add(new TermsViolation("nonCompetitiveLimit", "must be >= 0 and a multiple of bidMultiple " + bidMultiple));
            }
        }
        if (maxAwardRatio.signum() <= 0 || maxAwardRatio.compareTo(BigDecimal.ONE) > 0 || maxAwardRatio.scale() > 4) {
            v.add(new TermsViolation("maxAwardRatio", "must be in (0, 1] with at most 4 decimals"));
        }
        if (bidBasis == BidBasis.PRICE) {
            if (priceIncrement.signum() <= 0 || priceIncrement.scale() > 6) {
                v.add(new TermsViolation("priceIncrement", "must be positive with at most 6 decimals"));
            }
        } else if (rateIncrement.signum() <= 0 || rateIncrement.scale() > 3) {
            v.add(new TermsViolation("rateIncrement", "must be positive with at most 3 decimals"));
        }
        if (biddingOpensAt == null) {
            return v;
        }
        if (!competitiveClosesAt.isAfter(biddingOpensAt)) {
            v.add(new TermsViolation("competitiveClosesAt", "must be after biddingOpensAt"));
        }
        if (!competitiveClosesAt.isAfter(now)) {
            v.add(new TermsViolation("competitiveClosesAt", "must be in the future"));
        }
        if (!nonCompetitiveClosesAt.isAfter(biddingOpensAt)) {
            v.add(new TermsViolation("nonCompetitiveClosesAt", "must be after biddingOpensAt"));
        }
        if (nonCompetitiveClosesAt.isAfter(competitiveClosesAt)) {
            v.add(new TermsViolation("nonCompetitiveClosesAt", "must not be after competitiveClosesAt"));
        }
        return v;
    }
}
