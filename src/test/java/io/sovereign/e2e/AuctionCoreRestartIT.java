package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.competitive;
import static io.sovereign.e2e.AuctionCore.nonCompetitive;
import static io.sovereign.e2e.AuctionCore.ownBids;
import static io.sovereign.e2e.AuctionCore.placeBid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sovereign.e2e.AuctionCore.Auction;
import io.sovereign.events.AuctionClosed;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A restart of auction-core during bidding loses no acknowledged bid and does not move the close. */
@Tag("faults")
@ExtendWith(PlatformStack.class)
class AuctionCoreRestartIT {

    /** Long enough for auction-core to stop and start again before the close (about 22 s on two busy cores). */
    private static final Duration OPEN_FOR = Duration.ofSeconds(100); // a restart under heavy load took 84 s

    @Test
    void acknowledgedBidsSurviveARestartAndTheAuctionClosesOnTime() {
        Auction a = AuctionCore.open("desk1", OPEN_FOR.minusSeconds(2), OPEN_FOR);
        Map<String, List<String>> acknowledged = Map.of(
                "dealer-01", new ArrayList<>(List.of(
                        placeBid(Tokens.dealer("dealer-01"), a.id(), competitive("3.100", 1_000_000)),
                        placeBid(Tokens.dealer("dealer-01"), a.id(), competitive("3.150", 2_000_000)))),
                "dealer-02", new ArrayList<>(List.of(
                        placeBid(Tokens.dealer("dealer-02"), a.id(), competitive("3.120", 3_000_000)))),
                "dealer-03", new ArrayList<>(List.of(
                        placeBid(Tokens.dealer("dealer-03"), a.id(), nonCompetitive(10_000)))));
        List<Map<String, Object>> before = AuctionCore.dealersBids(a.id());

        PlatformStack.stack().stopService(Service.AUCTION_CORE);
        PlatformStack.stack().startService(Service.AUCTION_CORE);
        assertThat(Instant.now()).as("auction-core back before the close").isBefore(a.closesAt());

        acknowledged.forEach((dealer, bidIds) -> assertThat(ownBids(Tokens.dealer(dealer), a.id()))
                .extracting(b -> b.get("bidId")).containsExactlyInAnyOrderElementsOf(bidIds));
        assertThat(AuctionCore.dealersBids(a.id())).containsExactlyInAnyOrderElementsOf(before);
        // the chain goes on from where it stopped
        acknowledged.get("dealer-02").add(placeBid(Tokens.dealer("dealer-02"), a.id(), competitive("3.130", 4_000_000)));
        BidReceipts.assertChain(AuctionCore.dealersBids(a.id()));

        List<AuctionClosed> closed = await().atMost(Duration.between(Instant.now(), a.closesAt()).plusSeconds(20))
                .until(() -> TopicRecords.events(Topics.AUCTION_EVENTS, a.id(), AuctionClosed.class), e -> !e.isEmpty());
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).closedAt()).isAfterOrEqualTo(a.closesAt()).isBefore(a.closesAt().plusSeconds(1));
        assertThat(closed.get(0).bidCount())
                .isEqualTo(acknowledged.values().stream().mapToLong(List::size).sum());
    }
}
