package io.sovereign.kit.security;

/** Realm roles of realm {@code sovereign} (API.md, "Identity"). */
public final class Roles {
    public static final String AUCTION_DESK = "auction-desk";
    public static final String AUCTION_SUPERVISOR = "auction-supervisor";
    public static final String PRIMARY_DEALER = "primary-dealer";
    public static final String DIRECT_BIDDER = "direct-bidder";
    public static final String RETAIL_INVESTOR = "retail-investor";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String SETTLEMENT_OPERATOR = "settlement-operator";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
