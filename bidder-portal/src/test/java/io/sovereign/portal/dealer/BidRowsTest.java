package io.sovereign.portal.dealer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereign.portal.clients.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BidRowsTest {

    private static final DealerPages.AuctionTerms NOTE = new DealerPages.AuctionTerms("a1", "XS0000000017", "NOTE",
            "2026-11-24", "2036-11-24", null, "OPEN", "SINGLE_PRICE", "YIELD", 1_000_000_000L, "0.35", 350_000_000L,
            10_000_000L, 100L, 100L, "0.001", "2026-11-22T02:00:00Z", "2026-11-22T02:50:00Z", "2026-11-22T03:00:00Z", true);

    @Test
    void auctionCoresFieldErrorsLandNextToTheRowsFieldsWordedForTheirLabels() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("rate", "rate must be a multiple of 0.001");
        errors.put("bids[0].amount", "amount must be at least the minimum bid 100");
        errors.put("kind", "you already hold competitive bids in this auction; a bidder may bid only one kind");
        var row = BidRows.refused(1, "COMPETITIVE", "3.1234", "50", "0",
                new Problems(400, "Invalid bid", "The bid breaks 3 rule(s)", errors), NOTE);

        assertThat(row.valueError()).isEqualTo("Yield (%) must be a multiple of 0.001");
        assertThat(row.amountError()).isEqualTo("Amount must be at least the minimum bid 100");
        assertThat(row.kindError()).isEqualTo("Kind: you already hold competitive bids in this auction; a bidder may bid only one kind");
        assertThat(row.alert()).isNull();
        assertThat(row.value()).isEqualTo("3.1234");
        assertThat(row.number()).isEqualTo(2);
    }

    @Test
    void aRefusalWithoutFieldsIsShownAboveTheRowAndTheRowGetsANewKey() {
        var row = BidRows.refused(0, "COMPETITIVE", "3.100", "1000", "0",
                new Problems(409, "Conflict", "Auction a1 is CLOSED; it takes no more bids", Map.of()), NOTE);
        var again = BidRows.refused(0, "COMPETITIVE", "3.100", "1000", "0",
                new Problems(409, "Conflict", "Auction a1 is CLOSED; it takes no more bids", Map.of()), NOTE);

        assertThat(row.alert()).isEqualTo("Auction a1 is CLOSED; it takes no more bids");
        assertThat(row.key()).isNotEqualTo(again.key());
    }

    @Test
    void thePortalChecksOnlyThatEachFieldCanBeRead() {
        assertThat(BidRows.check(NOTE, 0, "COMPETITIVE", "3.125", "1000", "0")).isNull();
        // the terms (minimum, multiple, increment) are auction-core's to judge
        assertThat(BidRows.check(NOTE, 0, "COMPETITIVE", "3.1234", "50", "")).isNull();
        assertThat(BidRows.check(NOTE, 0, "NONCOMPETITIVE", "", "5000", "0")).isNull();

        var bad = BidRows.check(NOTE, 0, "COMPETITIVE", "abc", "1.5", "x");
        assertThat(bad.valueError()).isEqualTo("Enter a decimal number such as 3.125.");
        assertThat(bad.amountError()).startsWith("Enter the amount as a whole number");
        assertThat(bad.netLongPositionError()).startsWith("Enter your net long position");
        assertThat(BidRows.check(NOTE, 0, "COMPETITIVE", "", "1000", "0").valueError())
                .isEqualTo("Enter the yield (%) of a competitive bid.");
        assertThat(BidRows.check(NOTE, 0, "OTHER", "3.1", "1000", "0").kindError()).isNotNull();
    }
}
