package io.sovereign.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Request bodies for POST /api/v1/auctions. */
final class Announcements {

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
}
