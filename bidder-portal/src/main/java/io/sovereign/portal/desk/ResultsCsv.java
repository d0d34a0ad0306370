package io.sovereign.portal.desk;

import java.util.List;

/**
 * The allocations of an auction as CSV (RFC 4180: CRLF lines, fields with a comma, quote or line
 * break quoted): a header row, then one row per allocation with the decimals exactly as the API
 * wrote them and the settlement status joined in.
 */
public final class ResultsCsv {

    public static final String HEADER = "allocationId,bidId,bidderId,kind,accepted,price,settlementStatus,"
            + "settlementReason,txHash";

    private ResultsCsv() {
    }

    public static String render(List<ResultsView.AllocationRow> rows) {
        StringBuilder out = new StringBuilder(64 + rows.size() * 160).append(HEADER).append("\r\n");
        for (ResultsView.AllocationRow r : rows) {
            out.append(field(r.allocationId())).append(',')
                    .append(field(r.bidId())).append(',')
                    .append(text(r.bidderId())).append(',')
                    .append(field(r.kind())).append(',')
                    .append(r.accepted()).append(',')
                    .append(field(r.price())).append(',')
                    .append(field(r.settlementStatus())).append(',')
                    .append(text(r.settlementReason())).append(',')
                    .append(field(r.txHash())).append("\r\n");
        }
        return out.toString();
    }

    /** A value as it is, quoted when it must be; null is an empty field. */
    static String field(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /**
     * Free text (a bidder id, a failure reason): a leading =, +, -, @ would make a spreadsheet run
     * it as a formula, so such a value gets a leading apostrophe (OWASP CSV injection).
     */
    static String text(String v) {
        if (v != null && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            return field("'" + v);
        }
        return field(v);
    }
}
