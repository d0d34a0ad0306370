package io.sovereign.auction.service;

import io.sovereign.auction.domain.SecurityType;
import io.sovereign.auction.domain.pricing.BillPricing;
import io.sovereign.auction.domain.pricing.BondPrice;
import io.sovereign.auction.domain.pricing.BondPricing;
import io.sovereign.auction.domain.pricing.BondTerms;
import io.sovereign.auction.domain.pricing.PricingArgumentException;
import io.sovereign.auction.domain.pricing.TipsPricing;
import io.sovereign.auction.rest.PriceRequest;
import io.sovereign.auction.rest.PriceResponse;
import io.sovereign.kit.problem.Problem.FieldError;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The price calculator of API.md: checks that the request is complete and consistent for its
 * security type (every problem at once, each named by its field), then prices with the domain.
 */
@ApplicationScoped
public class PriceCalculator {

    /** Rates and yields are quoted to 3 decimals (API.md); index ratios to 5. */
    static final int RATE_DECIMALS = 3;
    static final int INDEX_RATIO_DECIMALS = 5;
    private static final int PRICE_DECIMALS = 6;
    private static final Pattern DECIMAL = Pattern.compile(PriceRequest.DECIMAL);

    public PriceResponse price(PriceRequest r) {
        List<FieldError> errors = new ArrayList<>();
        SecurityType type = r.securityType();
        required("securityType", type, errors);
        required("issueDate", r.issueDate(), errors);
        required("maturityDate", r.maturityDate(), errors);
        if (r.issueDate() != null && r.maturityDate() != null && !r.maturityDate().isAfter(r.issueDate())) {
            errors.add(new FieldError("maturityDate", "must be after issueDate"));
        }
        if (type == null) {
            throwIfAny(errors);   // nothing else can be checked without the type
        }
        if (type == SecurityType.BILL) {
            String notForBills = "does not apply to a BILL, which is priced from discountRate";
            refuse("couponRate", r.couponRate(), notForBills, errors);
            refuse("yield", r.yield(), notForBills, errors);
            refuse("indexRatio", r.indexRatio(), notForBills, errors);
            refuse("datedDate", r.datedDate(), notForBills, errors);
            refuse("firstInterestPaymentDate", r.firstInterestPaymentDate(), notForBills, errors);
            BigDecimal discountRate = decimal("discountRate", r.discountRate(), RATE_DECIMALS, "is required for a BILL", errors);
            nonNegative("discountRate", discountRate, errors);
            throwIfAny(errors);
            return priceBill(r, discountRate);
        }
        refuse("discountRate", r.discountRate(), "applies to a BILL only; a " + type + " is priced from yield", errors);
        if (type != SecurityType.TIPS) {
            refuse("indexRatio", r.indexRatio(), "applies to TIPS only", errors);
        }
        if (r.datedDate() != null && r.issueDate() != null && r.datedDate().isAfter(r.issueDate())) {
            errors.add(new FieldError("datedDate", "must not be after issueDate"));
        }
        BigDecimal couponRate = decimal("couponRate", r.couponRate(), RATE_DECIMALS, "is required for a " + type, errors);
        nonNegative("couponRate", couponRate, errors);
        BigDecimal yield = decimal("yield", r.yield(), RATE_DECIMALS, "is required for a " + type, errors);
        if (type != SecurityType.TIPS && yield != null && yield.signum() < 0) {
            errors.add(new FieldError("yield", "must not be negative for a " + type + " (only TIPS real yields may be)"));
        }
        BigDecimal indexRatio = null;
        if (type == SecurityType.TIPS && r.indexRatio() != null) {
            indexRatio = decimal("indexRatio", r.indexRatio(), INDEX_RATIO_DECIMALS, null, errors);
            if (indexRatio != null && indexRatio.signum() <= 0) {
                errors.add(new FieldError("indexRatio", "must be positive"));
            }
        }
        throwIfAny(errors);
        return priceCouponSecurity(r, couponRate, yield, indexRatio);
    }

    private static PriceResponse priceBill(PriceRequest r, BigDecimal discountRate) {
        try {
            BigDecimal price = BillPricing.price(r.issueDate(), r.maturityDate(), discountRate);
            BigDecimal investmentRate = BillPricing.investmentRate(r.issueDate(), r.maturityDate(), price);
            BigDecimal noAccrual = BigDecimal.ZERO.setScale(PRICE_DECIMALS, RoundingMode.UNNECESSARY);
            return new PriceResponse(price, noAccrual, investmentRate, null, null);
        } catch (PricingArgumentException e) {
            // the dates are checked already: what has no price or rate is the discount rate
            String message = e.field().equals("discountRate") ? e.reason() : e.getMessage();
            throw ProblemException.badRequest("discountRate: " + message, List.of(new FieldError("discountRate", message)));
        }
    }

    private static PriceResponse priceCouponSecurity(PriceRequest r, BigDecimal couponRate, BigDecimal yield,
            BigDecimal indexRatio) {
        try {
            BondTerms terms = new BondTerms(r.issueDate(), r.maturityDate(), r.datedDate(), r.firstInterestPaymentDate(),
                    couponRate);
            BondPrice p = BondPricing.price(terms, yield);
            if (indexRatio == null) {
                return new PriceResponse(p.price(), p.accruedInterest(), null, null, null);
            }
            return new PriceResponse(p.price(), p.accruedInterest(), null,
                    TipsPricing.adjustedPrice(p.price(), indexRatio),
                    TipsPricing.adjustedAccruedInterest(p.accruedInterest(), indexRatio));
        } catch (PricingArgumentException e) {
            throw badRequest(e);   // the domain names fields as the request does
        }
    }

    /** The decimal in {@code text}, or null: with an error when malformed, or missing and {@code missing} says why. */
    private static BigDecimal decimal(String field, String text, int maxDecimals, String missing, List<FieldError> errors) {
        if (text == null) {
            if (missing != null) {
                errors.add(new FieldError(field, missing));
            }
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            errors.add(new FieldError(field, "must be a decimal number in a JSON string, such as \"8.750\""));
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > maxDecimals) {
            errors.add(new FieldError(field, "must have at most " + maxDecimals + " decimals"));
            return null;
        }
        return value;
    }

    private static void nonNegative(String field, BigDecimal value, List<FieldError> errors) {
        if (value != null && value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }

    private static void required(String field, Object value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void refuse(String field, Object value, String message, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(field, message));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has " + errors.size() + " invalid field(s)", errors);
        }
    }

    private static ProblemException badRequest(PricingArgumentException e) {
        return ProblemException.badRequest(e.getMessage(), List.of(new FieldError(e.field(), e.reason())));
    }
}
