package io.sovereign.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Request bodies for POST /api/v1/auctions. */
final class Announcements {

    /** The bid rules of {@link #note(Instant, Instant, Instant)}, for tests that probe them. */
    static final long OFFERING = 1_000_000_000L;
    static final long MINIMUM_BID = 1_000L;
    static final long BID_MULTIPLE = 100L;
    static final long NON_COMPETITIVE_LIMIT = 10_000_000L;

    private Announcements() {
    }

    /** A valid 3-year note auction opening in a minute and closing in an hour. */
    static String note() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate issue = LocalDate.now().plusDays(7);
        return """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": 42000000000, "maxAwardRatio": "0.35",
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(3), now.plusSeconds(60), now.plusSeconds(3300),
                        now.plusSeconds(3600));
    }

    /**
     * A single-price 10-year note auction (new issue, bids on yield) of {@link #OFFERING} on this
     * schedule: bids of at least {@link #MINIMUM_BID} in multiples of {@link #BID_MULTIPLE}, rates in
     * steps of 0.001, at most {@link #NON_COMPETITIVE_LIMIT} non-competitive and 35% per bidder.
     */
    static String note(Instant opens, Instant nonCompetitiveCloses, Instant closes) {
        LocalDate issue = LocalDate.now().plusDays(7);
        return """
                {"format": "SINGLE_PRICE", "bidBasis": "YIELD",
                 "security": {"securityType": "NOTE", "issueDate": "%s", "maturityDate": "%s"},
                 "offeringAmount": %d, "maxAwardRatio": "0.35", "nonCompetitiveLimit": %d,
                 "minimumBid": %d, "bidMultiple": %d, "rateIncrement": "0.001",
                 "biddingOpensAt": "%s", "nonCompetitiveClosesAt": "%s", "competitiveClosesAt": "%s"}"""
                .formatted(issue, issue.plusYears(10), OFFERING, NON_COMPETITIVE_LIMIT, MINIMUM_BID, BID_MULTIPLE,
                        opens, nonCompetitiveCloses, closes);
    }
}
