package io.sovereign.auction.domain;

import io.sovereign.auction.domain.clearing.BidKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The receipt of a bid: SHA-256 (hex) over the previous receipt of the auction's chain (64 zeros
 * for the first bid), the bid's canonical form and the instant it was received, joined by
 * newlines. Anyone holding the bids of an auction in chain order can recompute every receipt, so a
 * bidder can prove what it sent and when, and nobody can insert, alter or reorder a bid unseen.
 *
 * <pre>
 *   canonical = auctionId|bidId|bidderId|kind|value|amount|netLongPosition   (value "" if none)
 *   receipt   = hex(sha256(previous + "\n" + canonical + "\n" + receivedAt))  (receivedAt as in the response: ISO-8601 UTC, 6 decimals)
 * </pre>
 */
public final class ReceiptChain {

    /** receivedAt as the API writes every instant (kit json Instants): UTC, always six decimals. */
    private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The "previous receipt" of an auction's first bid. */
    public static final String GENESIS = "0".repeat(64);

    private ReceiptChain() {
    }

    public static String canonical(String auctionId, String bidId, String bidderId, BidKind kind, BigDecimal value,
            long amount, long netLongPosition) {
        return auctionId + '|' + bidId + '|' + bidderId + '|' + kind + '|' + (value == null ? "" : value.toPlainString())
                + '|' + amount + '|' + netLongPosition;
    }

    public static String next(String previous, String canonical, Instant receivedAt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((previous + '\n' + canonical + '\n' + RECEIVED_AT.format(receivedAt.truncatedTo(ChronoUnit.MICROS)))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
