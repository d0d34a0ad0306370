package io.sovereign.auction.service;

import io.sovereign.auction.domain.AuctionPricing;
import io.sovereign.auction.domain.AuctionTerms;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.domain.SecurityType;
import io.sovereign.auction.domain.TermsViolation;
import io.sovereign.auction.domain.clearing.BidBook;
import io.sovereign.auction.domain.clearing.BidError;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.auction.domain.clearing.BidValidator;
import io.sovereign.auction.domain.clearing.ClearingEngine;
import io.sovereign.auction.domain.clearing.ClearingResult;
import io.sovereign.auction.domain.clearing.ClearingTerms;
import io.sovereign.auction.domain.clearing.SecurityPricing;
import io.sovereign.auction.domain.pricing.PricingArgumentException;
import io.sovereign.auction.rest.SecurityTerms;
import io.sovereign.auction.rest.SimulatedBids;
import io.sovereign.auction.rest.SimulationRequest;
import io.sovereign.kit.problem.Problem;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The clearing engine on request: validate everything, clear, store nothing. */
@ApplicationScoped
public class SimulationService {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,8})(\\.[0-9]+)?");

    /** A cleared simulation and what the response needs to name its fields. */
    public record Simulation(ClearingTerms terms, SecurityType securityType, ClearingResult result) {
    }

    public Simulation simulate(SimulationRequest r) {
        SecurityTerms s = r.security();
        AuctionTerms terms = AuctionTerms.withDefaults(r.format(), r.bidBasis(), s.isin(), s.securityType(),
                s.issueDate(), s.maturityDate(), s.datedDate(), s.firstInterestPaymentDate(), s.couponRate(),
                r.offeringAmount(), r.maxAwardRatio(), r.nonCompetitiveLimit(), r.minimumBid(), r.bidMultiple(),
                r.rateIncrement(), r.priceIncrement(), null, null, null);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (TermsViolation v : terms.violations(null)) {
            errors.add(new Problem.FieldError(v.field(), v.message()));
        }
        SimulatedBids bids = r.bids();
        if (bids.received() > SimulatedBids.MAX) {
            throw ProblemException.badRequest("bids", "at most " + SimulatedBids.MAX + " bids may be simulated, the request has "
                    + bids.received());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The terms break " + errors.size() + " rule(s)", errors);
        }
        ClearingTerms clearing = new ClearingTerms(terms.format(), terms.bidBasis(), terms.offeringAmount(),
                terms.maxAwardRatio(), terms.nonCompetitiveLimit(), terms.minimumBid(), terms.bidMultiple(),
                terms.bidBasis() == BidBasis.PRICE ? terms.priceIncrement() : terms.rateIncrement(),
                terms.securityType() == SecurityType.TIPS);
        errors.addAll(bids.shapeErrors());
        BidBook book = toBook(clearing, bids, errors);
        java.util.Set<String> reported = new java.util.HashSet<>();
        errors.forEach(e -> reported.add(e.field()));
        for (BidError e : BidValidator.validate(clearing, book)) {
            if (errors.size() >= 1_000) {
                break;
            }
            String field = "bids[" + e.index() + "]." + e.field();
            if (reported.add(field)) { // a field whose shape was already refused is named once
                errors.add(new Problem.FieldError(field, e.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() >= 1_000 ? "At least 1000 invalid fields; the first are listed"
                    : "The bids have " + errors.size() + " invalid field(s)", errors);
        }
        SecurityPricing pricing = AuctionPricing.of(terms.securityType(), terms.bidBasis(), terms.issueDate(),
                terms.maturityDate(), terms.datedDate(), terms.firstInterestPaymentDate(), terms.couponRate());
        try {
            return new Simulation(clearing, terms.securityType(), ClearingEngine.clear(clearing, book, pricing));
        } catch (PricingArgumentException e) {
            // the pricing refuses the security's dates or coupon (e.g. a first coupon date off the schedule)
            throw ProblemException.badRequest("security." + e.field(), e.reason());
        }
    }

    /** Rates and prices are parsed here, once per distinct text: a million bids use a few hundred. */
    private static BidBook toBook(ClearingTerms t, SimulatedBids bids, List<Problem.FieldError> errors) {
        String expected = t.basis() == BidBasis.PRICE ? "price" : "rate";
        int maxScale = t.basis() == BidBasis.PRICE ? 6 : 3;
        Map<String, BigDecimal> parsed = new HashMap<>();
        BidBook.Builder b = BidBook.builder(t.increment(), bids.size());
        for (int i = 0; i < bids.size(); i++) {
            BigDecimal value = null;
            String text = bids.value(i);
            String id = bids.bidId(i) == null ? "#" + i : bids.bidId(i);
            if (bids.valueField(i) != null && !bids.valueField(i).equals(expected)) {
                errors.add(new Problem.FieldError("bids[" + i + "]." + bids.valueField(i), "bid " + id + ": bids on "
                        + t.basis() + " carry " + expected + ", not " + bids.valueField(i)));
            } else if (text != null) {
                value = parsed.computeIfAbsent(text, k -> PLAIN_DECIMAL.matcher(k).matches() ? new BigDecimal(k) : null);
                if (value == null || value.scale() > maxScale) {
                    errors.add(new Problem.FieldError("bids[" + i + "]." + expected, "bid " + id + ": " + expected
                            + " must be a decimal string with at most " + maxScale + " decimals"));
                    value = null;
                    }
            }
            BidKind kind = bids.kind(i) == null ? BidKind.COMPETITIVE : bids.kind(i);
            if (kind == BidKind.COMPETITIVE && value == null && text != null) {
                value = t.increment(); // already reported; keeps the book well-formed
            }
            b.add(id, bids.bidderId(i) == null ? "" : bids.bidderId(i), kind, value, bids.amount(i),
                    bids.netLongPosition(i));
        }
        return b.build();
    }
}
