package io.sovereign.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereign.auction.domain.clearing.BidKind;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receipts are what a bidder can recompute: the expected values come from {@code sha256sum}. */
class ReceiptChainTest {

    @Test
    void chainsEachBidToThePreviousReceipt() {
        String first = ReceiptChain.next(ReceiptChain.GENESIS,
                ReceiptChain.canonical("a-1", "b-1", "dealer-01", BidKind.COMPETITIVE, new BigDecimal("3.202"),
                        1_000_000_000L, 0),
                Instant.parse("2026-11-21T10:00:00.123456Z"));
        // printf '%s\n%s\n%s' 000…0 'a-1|b-1|dealer-01|COMPETITIVE|3.202|1000000000|0' 2026-11-21T10:00:00.123456Z | sha256sum
        assertThat(first).isEqualTo("db263890079320e99bdc058ac194f686232125b938c830978ccf772a3bc0f273");

        String second = ReceiptChain.next(first,
                ReceiptChain.canonical("a-1", "b-2", "retail-x", BidKind.NONCOMPETITIVE, null, 5_000L, 0),
                Instant.parse("2026-11-21T10:00:01Z"));
        assertThat(second).isEqualTo("9e7141d3d5885a9679d56864701025e09c6157c2124c15d1332b1ab18d740948");
    }

    @Test
    void receivedAtIsHashedAsTheApiWritesIt() {
        Instant at = Instant.parse("2026-11-21T10:00:01Z");
        String canonical = ReceiptChain.canonical("a-1", "b-2", "retail-x", BidKind.NONCOMPETITIVE, null, 5_000L, 0);
        // the API writes 2026-11-21T10:00:01.000000Z: kit json Instants and the chain agree
        assertThat(io.sovereign.kit.json.Instants.format(at)).isEqualTo("2026-11-21T10:00:01.000000Z");
        assertThat(ReceiptChain.next(ReceiptChain.GENESIS, canonical, at))
                .isEqualTo(ReceiptChain.next(ReceiptChain.GENESIS, canonical, at.plusNanos(999)));
    }

    @Test
    void anyChangeToABidChangesItsReceipt() {
        Instant at = Instant.parse("2026-11-21T10:00:00.123456Z");
        String sent = ReceiptChain.next(ReceiptChain.GENESIS, ReceiptChain.canonical("a-1", "b-1", "dealer-01",
                BidKind.COMPETITIVE, new BigDecimal("3.202"), 1_000_000_000L, 0), at);
        assertThat(ReceiptChain.next(ReceiptChain.GENESIS, ReceiptChain.canonical("a-1", "b-1", "dealer-01",
                BidKind.COMPETITIVE, new BigDecimal("3.203"), 1_000_000_000L, 0), at)).isNotEqualTo(sent);
        assertThat(ReceiptChain.next(ReceiptChain.GENESIS, ReceiptChain.canonical("a-1", "b-1", "dealer-01",
                BidKind.COMPETITIVE, new BigDecimal("3.202"), 1_000_000_000L, 0), at.plusNanos(1_000))).isNotEqualTo(sent);
    }
}
