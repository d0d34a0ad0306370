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
        assertThat(second).isEqualTo("49cc0969099b1ba5965dad5c2e7ee04a52d4ab000e683d25e64459725957f410");
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
