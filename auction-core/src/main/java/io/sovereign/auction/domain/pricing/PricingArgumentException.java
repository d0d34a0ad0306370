package io.sovereign.auction.domain.pricing;

/**
 * Input that has no price, naming the offending field (by the names of {@link BondTerms} and the
 * pricing methods' parameters) so callers can report it against their own request.
 */
public class PricingArgumentException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public PricingArgumentException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** The message without the field name: "must be after issueDate". */
    public String reason() {
        return reason;
    }
}
