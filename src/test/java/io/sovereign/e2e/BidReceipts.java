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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A check of an auction's receipts, recomputed from listed bids as a bidder would (docs/api.md,
 * "Bid receipts: a chain per bidder"): each bidder has its own chain; a bid's receipt is the hex
 * SHA-256 of the same bidder's previous receipt (for its first bid, the hex SHA-256 of
 * {@code auctionId|bidderId}), the bid's canonical form
 * {@code auctionId|bidId|bidderId|kind|rate-or-price-or-empty|amount|netLongPosition} and its
 * {@code receivedAt}, joined by newlines. A chain runs in the order the intake stored the bidder's
 * bids; one bidder's bids sent concurrently may be stored in another order than their
 * {@code receivedAt} (AuctionCoreCrashIT's storm shows it), so the check follows each chain from
 * its start: at each link, the bid that continues it (tried in receivedAt order, the usual case).
 */
final class BidReceipts {

    private BidReceipts() {
    }

    /** The end of one bidder's chain: its last receipt and how many bids it links. */
    record Head(String lastReceipt, long bids) {
    }

    /**
     * Asserts that these bids (all of each bidder's bids in one auction, any order, bidders mixed)
     * form one chain per bidder, and answers each bidder's head.
     */
    static Map<String, Head> assertChain(Collection<Map<String, Object>> bids) {
        Map<String, List<Map<String, Object>>> byBidder = bids.stream().collect(Collectors.groupingBy(
                b -> (String) b.get("bidderId"), LinkedHashMap::new, Collectors.toList()));
        Map<String, Head> heads = new LinkedHashMap<>();
        byBidder.forEach((bidderId, own) -> heads.put(bidderId, assertBiddersChain(own)));
        return heads;
    }

    /**
     * Asserts the auction's published {@code receiptHeads} (of the results) name exactly these
     * bidders' chains: each bidder's chain, recomputed from its own bids, ends at its
     * {@code lastReceipt} after {@code bids} bids. Bidders whose bids are not given are not checked.
     */
    static void assertHeads(Collection<Map<String, Object>> bids, List<Map<String, Object>> receiptHeads) {
        Map<String, Map<String, Object>> published = receiptHeads.stream()
                .collect(Collectors.toMap(h -> (String) h.get("bidderId"), h -> h));
        assertChain(bids).forEach((bidderId, head) -> {
            assertThat(published).as("receiptHeads has bidder %s", bidderId).containsKey(bidderId);
            assertThat(published.get(bidderId).get("lastReceipt")).as("%s's last receipt", bidderId)
                    .isEqualTo(head.lastReceipt());
            assertThat(((Number) published.get(bidderId).get("bids")).longValue()).as("%s's bids", bidderId)
                    .isEqualTo(head.bids());
        });
    }

    private static Head assertBiddersChain(List<Map<String, Object>> bids) {
        List<Map<String, Object>> left = new ArrayList<>(bids.stream()
                .sorted(Comparator.comparing(b -> Instant.parse((String) b.get("receivedAt")))).toList());
        String previous = first((String) bids.get(0).get("auctionId"), (String) bids.get(0).get("bidderId"));
        while (!left.isEmpty()) {
            String head = previous;
            Map<String, Object> next = left.stream().filter(b -> next(head, b).equals(b.get("receipt"))).findFirst()
                    .orElse(null);
            assertThat(next).as("a bid of %s whose receipt continues its chain after %s (%d of %d bids linked; "
                    + "left, first in receivedAt order: %s)", bids.get(0).get("bidderId"), head,
                    bids.size() - left.size(), bids.size(), left.get(0)).isNotNull();
            left.remove(next);
            previous = (String) next.get("receipt");
        }
        return new Head(previous, bids.size());
    }

    /** The "previous receipt" of a bidder's first bid in an auction. */
    static String first(String auctionId, String bidderId) {
        return sha256(auctionId + "|" + bidderId);
    }

    /** The receipt of {@code bid} after {@code previous}. */
    static String next(String previous, Map<String, Object> bid) {
        return sha256(previous + "\n" + canonical(bid) + "\n" + bid.get("receivedAt"));
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
