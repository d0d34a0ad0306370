package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bidder's check of an auction's receipt chain, recomputed from listed bids: each receipt is the
 * hex SHA-256 of the previous receipt (64 zeros for the first), the bid's canonical form
 * {@code auctionId|bidId|bidderId|kind|rate-or-price-or-empty|amount|netLongPosition} and its
 * {@code receivedAt}, joined by newlines.
 */
final class BidReceipts {

    static final String GENESIS = "0".repeat(64);

    private BidReceipts() {
    }

    /** Asserts that these bids, every bid the auction accepted, form its chain in receivedAt order. */
    static void assertChain(Collection<Map<String, Object>> bids) {
        List<Map<String, Object>> ordered = bids.stream()
                .sorted(Comparator.comparing(b -> Instant.parse((String) b.get("receivedAt")))).toList();
        String previous = GENESIS;
        for (Map<String, Object> bid : ordered) {
            String expected = sha256(previous + "\n" + canonical(bid) + "\n" + bid.get("receivedAt"));
            assertThat(bid.get("receipt")).as("receipt of bid %s after %s", bid.get("bidId"), previous)
                    .isEqualTo(expected);
            previous = expected;
        }
    }

    static String canonical(Map<String, Object> bid) {
        Object value = bid.get("rate") != null ? bid.get("rate") : bid.get("price");
        return String.join("|", (String) bid.get("auctionId"), (String) bid.get("bidId"), (String) bid.get("bidderId"),
                (String) bid.get("kind"), Objects.toString(value, ""), String.valueOf(bid.get("amount")),
                String.valueOf(bid.get("netLongPosition")));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
