package io.sovereign.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of a published auction's settlement-relevant content, computed the same way by
 * auction-core (from its database) and by settlement (from the chunks it assembled): SHA-256, hex,
 * over UTF-8 lines, each ending in {@code \n}:
 * <pre>
 * auctionId|isin|couponRate|allocationCount
 * allocationId|bidderId|accepted|price|settlementAmount|walletAddress     (one per allocation, by allocationId)
 * </pre>
 * Allocations are ordered by allocationId in code-point order; decimals are written without
 * trailing zeros in plain notation ({@code 99.5}, {@code 0}); a missing value is empty.
 */
public final class AllocationsDigest {

    private AllocationsDigest() {
    }

    /** What the digest reads of one allocation. */
    public record Line(String allocationId, String bidderId, long accepted, BigDecimal price, BigDecimal settlementAmount,
            String walletAddress) {

        public static Line of(AllocationsPublished.Allocation a) {
            return new Line(a.allocationId(), a.bidderId(), a.accepted(), a.price(), a.settlementAmount(), a.walletAddress());
        }
    }

    public static String of(String auctionId, String isin, BigDecimal couponRate, List<Line> allocations) {
        MessageDigest sha = sha256();
        update(sha, auctionId + "|" + text(isin) + "|" + decimal(couponRate) + "|" + allocations.size());
        allocations.stream().sorted(Comparator.comparing(Line::allocationId, CodePointOrder.ORDER))
                .forEach(l -> update(sha, l.allocationId() + "|" + text(l.bidderId()) + "|" + l.accepted() + "|"
                        + decimal(l.price()) + "|" + decimal(l.settlementAmount()) + "|" + text(l.walletAddress())));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String line) {
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String decimal(BigDecimal d) {
        return d == null ? "" : d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
