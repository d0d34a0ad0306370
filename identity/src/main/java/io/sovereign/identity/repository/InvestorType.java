package io.sovereign.identity.repository;

/** A dealer system (service account), an institution bidding directly, or a retail saver. */
public enum InvestorType {
    PRIMARY_DEALER, DIRECT_BIDDER, RETAIL
}
