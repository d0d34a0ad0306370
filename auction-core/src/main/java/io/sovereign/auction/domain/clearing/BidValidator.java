package io.sovereign.auction.domain.clearing;

import io.sovereign.auction.domain.BidBasis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DOMAIN.md §2 step 1: every bid is checked; any error refuses the whole request, each bid named. */
public final class BidValidator {

    private BidValidator() {
    }

    public static List<BidError> validate(ClearingTerms t, BidBook book) {
        List<BidError> errors = new ArrayList<>();
        String valueField = t.basis() == BidBasis.PRICE ? "price" : "rate";
        Set<String> seen = new HashSet<>(book.size * 2);
        int bidders = book.bidderCount();
        boolean[] bidsCompetitive = new boolean[bidders];
        boolean[] bidsNonCompetitive = new boolean[bidders];
        for (int i = 0; i < book.size; i++) {
            String id = book.bidIds[i];
            if (!seen.add(id)) {
                errors.add(error(i, id, "bidId", "is used by another bid of the request"));
            }
            long amount = book.amount[i];
            if (amount < t.minimumBid()) {
                errors.add(error(i, id, "amount", "must be at least the minimum bid " + t.minimumBid()));
            } else if (amount % t.bidMultiple() != 0) {
                errors.add(error(i, id, "amount", "must be a multiple of " + t.bidMultiple()));
            }
            if (book.netLong[i] < 0) {
                errors.add(error(i, id, "netLongPosition", "must not be negative"));
            }
            if (book.competitive[i]) {
                bidsCompetitive[book.bidder[i]] = true;
                validateValue(t, book, i, valueField, errors);
            } else {
                bidsNonCompetitive[book.bidder[i]] = true;
                if (book.rawValue[i] != null) {
                    errors.add(error(i, id, valueField, "a non-competitive bid has no " + valueField));
                }
                if (amount > t.nonCompetitiveLimit()) {
                    errors.add(error(i, id, "amount",
                            "exceeds the non-competitive limit " + t.nonCompetitiveLimit()));
                }
            }
        }
        for (int i = 0; i < book.size; i++) {
            int b = book.bidder[i];
            if (bidsCompetitive[b] && bidsNonCompetitive[b]) {
                errors.add(error(i, book.bidIds[i], "kind", "bidder " + book.bidderNames[b]
                        + " bids both competitively and non-competitively; a bidder may bid only one kind"));
            }
        }
        return errors;
    }

    private static void validateValue(ClearingTerms t, BidBook book, int i, String field, List<BidError> errors) {
        String id = book.bidIds[i];
        var value = book.rawValue[i];
        if (value == null) {
            errors.add(error(i, id, field, "is required for a competitive bid"));
            return;
        }
        if (t.basis() == BidBasis.PRICE ? value.signum() <= 0 : value.signum() < 0 && !t.negativeRatesAllowed()) {
            errors.add(error(i, id, field, t.basis() == BidBasis.PRICE ? "must be positive" : "must not be negative"));
        } else if (book.level[i] == BidBook.NOT_ON_INCREMENT) {
            errors.add(error(i, id, field, "must be a multiple of " + t.increment().toPlainString()));
        }
    }

    private static BidError error(int i, String bidId, String field, String message) {
        return new BidError(i, bidId, field, "bid " + bidId + ": " + field + " " + message);
    }
}
