package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A check of an auction's receipt chain, recomputed from listed bids: each receipt is the hex
 * SHA-256 of the previous receipt (64 zeros for the first), the bid's canonical form
 * {@code auctionId|bidId|bidderId|kind|rate-or-price-or-empty|amount|netLongPosition} and its
 * {@code receivedAt}, joined by newlines. The chain runs in the order the intake stored the bids;
 * bids received concurrently may be stored in another order than their {@code receivedAt}
 * (AuctionCoreCrashIT's storm shows it), so the check follows the chain from the first receipt:
 * at each link, the bid that continues it (tried in receivedAt order, the usual case).
 */
final class BidReceipts {

    static final String GENESIS = "0".repeat(64);

    private BidReceipts() {
    }

    /** Asserts that these bids, every bid the auction accepted, form one chain from the first receipt. */
    static void assertChain(Collection<Map<String, Object>> bids) {
        List<Map<String, Object>> left = new ArrayList<>(bids.stream()
                .sorted(Comparator.comparing(b -> Instant.parse((String) b.get("receivedAt")))).toList());
        String previous = GENESIS;
        while (!left.isEmpty()) {
            String head = previous;
            Map<String, Object> next = left.stream()
                    .filter(b -> sha256(head + "\n" + canonical(b) + "\n" + b.get("receivedAt")).equals(b.get("receipt")))
                    .findFirst().orElse(null);
            assertThat(next).as("a bid whose receipt continues the chain after %s (%d of %d bids linked; "
                    + "left, first in receivedAt order: %s)", head, bids.size() - left.size(), bids.size(), left.get(0))
                    .isNotNull();
            left.remove(next);
            previous = (String) next.get("receipt");
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
