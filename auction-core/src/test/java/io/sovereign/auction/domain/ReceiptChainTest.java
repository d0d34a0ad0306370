package io.sovereign.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereign.auction.domain.clearing.BidKind;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receipts are what a bidder can recompute: the expected values come from {@code sha256sum}. */
class ReceiptChainTest {

    @Test
    void eachBiddersChainStartsFromItsAuctionAndBidderId() {
        // printf '%s' 'a-1|dealer-01' | sha256sum
        assertThat(ReceiptChain.first("a-1", "dealer-01"))
                .isEqualTo("e7d275fb073e1f280b05407bbcdb1b40fce058d782a9f2985ed369f37961fa63");
        assertThat(ReceiptChain.first("a-1", "dealer-02")).isNotEqualTo(ReceiptChain.first("a-1", "dealer-01"));
        assertThat(ReceiptChain.first("a-2", "dealer-01")).isNotEqualTo(ReceiptChain.first("a-1", "dealer-01"));
    }

    @Test
    void chainsEachBidToTheSameBiddersPreviousReceipt() {
        String first = ReceiptChain.next(ReceiptChain.first("a-1", "dealer-01"),
                ReceiptChain.canonical("a-1", "b-1", "dealer-01", BidKind.COMPETITIVE, new BigDecimal("3.202"),
                        1_000_000_000L, 0),
                Instant.parse("2026-11-21T10:00:00.123456Z"));
        // printf '%s\n%s\n%s' e7d2…fa63 'a-1|b-1|dealer-01|COMPETITIVE|3.202|1000000000|0' 2026-11-21T10:00:00.123456Z | sha256sum
        assertThat(first).isEqualTo("918c3e8d1ca2011f53afe8d73a0bdc69fc84c763f94f36d5e27ca7f936bdccd6");

        // another bidder's bid in between (b-2) takes no part in dealer-01's chain
        String retail = ReceiptChain.next(ReceiptChain.first("a-1", "retail-x"),
                ReceiptChain.canonical("a-1", "b-2", "retail-x", BidKind.NONCOMPETITIVE, null, 5_000L, 0),
                Instant.parse("2026-11-21T10:00:01Z"));
        assertThat(retail).isEqualTo("3bca3c8dc69077ebba3ee4d24525f7f715bdbe9c4f20821ec60adb13cbf0d632");

        String second = ReceiptChain.next(first,
                ReceiptChain.canonical("a-1", "b-3", "dealer-01", BidKind.COMPETITIVE, new BigDecimal("3.210"),
                        2_000_000_000L, 0),
                Instant.parse("2026-11-21T10:00:02Z"));
        assertThat(second).isEqualTo("c329d22a489670291338d9eef16781bb73e51f8113dd0104290d7aa10f7754b5");
    }

    @Test
    void receivedAtIsHashedAsTheApiWritesIt() {
        Instant at = Instant.parse("2026-11-21T10:00:01Z");
        String canonical = ReceiptChain.canonical("a-1", "b-2", "retail-x", BidKind.NONCOMPETITIVE, null, 5_000L, 0);
        // the API writes 2026-11-21T10:00:01.000000Z: kit json Instants and the chain agree
        assertThat(io.sovereign.kit.json.Instants.format(at)).isEqualTo("2026-11-21T10:00:01.000000Z");
        String first = ReceiptChain.first("a-1", "retail-x");
        assertThat(ReceiptChain.next(first, canonical, at)).isEqualTo(ReceiptChain.next(first, canonical, at.plusNanos(999)));
    }

    @Test
    void anyChangeToABidChangesItsReceipt() {
        Instant at = Instant.parse("2026-11-21T10:00:00.123456Z");
        String first = ReceiptChain.first("a-1", "dealer-01");
        String sent = ReceiptChain.next(first, ReceiptChain.canonical("a-1", "b-1", "dealer-01",
                BidKind.COMPETITIVE, new BigDecimal("3.202"), 1_000_000_000L, 0), at);
        assertThat(ReceiptChain.next(first, ReceiptChain.canonical("a-1", "b-1", "dealer-01",
                BidKind.COMPETITIVE, new BigDecimal("3.203"), 1_000_000_000L, 0), at)).isNotEqualTo(sent);
        assertThat(ReceiptChain.next(first, ReceiptChain.canonical("a-1", "b-1", "dealer-01",
                BidKind.COMPETITIVE, new BigDecimal("3.202"), 1_000_000_000L, 0), at.plusNanos(1_000))).isNotEqualTo(sent);
    }
}
