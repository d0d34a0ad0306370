package io.sovereign.portal.dealer;

import io.sovereign.portal.clients.Problems;
import io.sovereign.portal.web.Forms;
import java.util.Map;

/**
 * The rows of the bid entry form: what the portal checks itself (only that each field can be
 * read: a kind, whole-number amounts, a decimal value; the auction's terms are auction-core's to
 * judge), and how auction-core's refusal of one row's bid lands next to that row's fields.
 */
final class BidRows {

    private BidRows() {
    }

    /** The row with errors when a field cannot be read, or null when it can be sent. */
    static DealerPages.BidRow check(DealerPages.AuctionTerms terms, int index, String kind, String value, String amount,
            String netLongPosition) {
        String kindError = "COMPETITIVE".equals(kind) || "NONCOMPETITIVE".equals(kind) ? null
                : "Choose competitive or non-competitive.";
        String valueError = null;
        if ("COMPETITIVE".equals(kind)) {
            if (value.isEmpty()) {
                valueError = "Enter the " + terms.valueLabel().toLowerCase(java.util.Locale.ROOT) + " of a competitive bid.";
            } else if (!value.matches("-?\\d{1,6}(\\.\\d{1,6})?")) {
                valueError = "Enter a decimal number such as " + (terms.onPrice() ? "99.50" : "3.125") + ".";
            }
        }
        String amountError = amount.isEmpty() ? "Enter the amount (par, whole currency units)."
                : Forms.wholeNumber(amount) == null ? "Enter the amount as a whole number of currency units, such as 1000000." : null;
        String nlpError = netLongPosition.isEmpty() || Forms.wholeNumber(netLongPosition) != null ? null
                : "Enter your net long position as a whole number (0 if none).";
        if (kindError == null && valueError == null && amountError == null && nlpError == null) {
            return null;
        }
        return new DealerPages.BidRow(index, kind, value, amount, netLongPosition, Forms.newKey(), kindError, valueError,
                amountError, nlpError, null);
    }

    /**
     * The row auction-core refused: each of its field errors ({@code amount}, {@code rate} or
     * {@code price}, {@code kind}, {@code netLongPosition}, also as {@code bids[i].name}) next to the
     * field; a refusal without fields (the deadline passed, a wrong role) above the row. The row gets
     * a new Idempotency-Key: the corrected bid is another request.
     */
    static DealerPages.BidRow refused(int index, String kind, String value, String amount, String netLongPosition, Problems p,
            DealerPages.AuctionTerms terms) {
        String kindError = null;
        String valueError = null;
        String amountError = null;
        String nlpError = null;
        StringBuilder other = new StringBuilder();
        for (Map.Entry<String, String> e : p.fieldErrors().entrySet()) {
            String message = e.getValue();
            switch (Forms.fieldName(e.getKey())) {
                case "kind" -> kindError = join(kindError, Forms.fieldMessage("Kind", e.getKey(), message));
                case "rate", "price" -> valueError = join(valueError, Forms.fieldMessage(terms.valueLabel(), e.getKey(), message));
                case "amount" -> amountError = join(amountError, Forms.fieldMessage("Amount", e.getKey(), message));
                case "netLongPosition" -> nlpError = join(nlpError, Forms.fieldMessage("Net long position", e.getKey(), message));
                default -> other.append(other.isEmpty() ? "" : "; ").append(e.getKey()).append(' ').append(message);
            }
        }
        String alert = p.fieldErrors().isEmpty() ? p.detail() : other.isEmpty() ? null : other.toString();
        return new DealerPages.BidRow(index, kind, value, amount, netLongPosition, Forms.newKey(), kindError, valueError,
                amountError, nlpError, alert);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
