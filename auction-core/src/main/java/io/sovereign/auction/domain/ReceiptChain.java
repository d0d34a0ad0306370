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
 * The receipt of a bid: SHA-256 (hex) over the same bidder's previous receipt in this auction, the
 * bid's canonical form and the instant it was received, joined by newlines. A bidder's first bid
 * in an auction chains from the hex SHA-256 of {@code auctionId|bidderId}. Each bidder holds its
 * own chain: its receipts depend on its own bids only, so they tell it nothing about anyone
 * else's bids, and the bidder (or anyone holding its bids) can recompute them and, against the
 * chain heads published with the results, prove that every bid it sent is in the book.
 *
 * <pre>
 *   canonical = auctionId|bidId|bidderId|kind|value|amount|netLongPosition   (value "" if none)
 *   first     = hex(sha256(auctionId + "|" + bidderId))
 *   receipt   = hex(sha256(previous + "\n" + canonical + "\n" + receivedAt))  (receivedAt as in the response: ISO-8601 UTC, 6 decimals)
 * </pre>
 */
public final class ReceiptChain {

    /** receivedAt as the API writes every instant (kit json Instants): UTC, always six decimals. */
    private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);


    private ReceiptChain() {
    }

    public static String canonical(String auctionId, String bidId, String bidderId, BidKind kind, BigDecimal value,
            long amount, long netLongPosition) {
        return auctionId + '|' + bidId + '|' + bidderId + '|' + kind + '|' + (value == null ? "" : value.toPlainString())
                + '|' + amount + '|' + netLongPosition;
    }

    /** The "previous receipt" of a bidder's first bid in an auction. */
    public static String first(String auctionId, String bidderId) {
        return sha256(auctionId + '|' + bidderId);
    }

    public static String next(String previous, String canonical, Instant receivedAt) {
        return sha256(previous + '\n' + canonical + '\n' + RECEIVED_AT.format(receivedAt.truncatedTo(ChronoUnit.MICROS)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
