package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.e2e.SettlementApi.Instruction;
import io.sovereign.stack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka broker killed with SIGKILL before an auction's results are published: the publication
 * still succeeds (the event waits in auction-core's outbox, written in the publishing transaction),
 * and once the broker is back on its data every allocation is settled exactly once.
 */
@Tag("faults")
@ExtendWith(PlatformStack.class)
class KafkaOutageIT {

    private static final int ALLOCATIONS = 150;

    @Test
    void resultsPublishedWhileTheBrokerIsDownReachSettlementOnceItReturns() throws Exception {
        List.of("desk1", "desk2", "operator1").forEach(Tokens::user);
        SettlementCrashIT.DEALERS.forEach(Tokens::dealer);
        Auction a = SettlementCrashIT.announce(ALLOCATIONS);
        AuctionDriver.bid(a, SettlementCrashIT.bids(ALLOCATIONS), 4);
        AuctionDriver.close(a);

        PlatformStack.stack().killKafka();
        List<Award> awards;
        try {
            awards = AuctionDriver.publish(a); // 200 with the allocations: publication does not need the broker
            assertThat(awards).hasSize(ALLOCATIONS);
            assertThat(unsentResults(a)).as("AuctionResultsPublished and its AllocationsPublished chunk held in "
                    + "auction-core's outbox").isEqualTo(2);
            assertThat(SettlementApi.instructions(a.id())).as("instructions before the broker returns").isEmpty();
        } finally {
            PlatformStack.stack().startKafka();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> unsentResults(a) == 0);
        Map<String, Instruction> done = SettlementApi.awaitFinal(a.id(), ALLOCATIONS, Duration.ofSeconds(180));
        // one instruction per allocation: no allocation twice in the operator's list
        List<String> listed = SettlementApi.operator().queryParam("auctionId", a.id()).get(SettlementApi.url("/settlements"))
                .then().statusCode(200).extract().jsonPath().getList("allocationId");
        assertThat(listed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(awards.stream().map(Award::allocationId).toList());
        SettlementCrashIT.assertEveryAllocationSettledOnce(a, awards, done);
    }

    /** The auction's results and allocation chunks in auction-core's outbox not yet sent to Kafka. */
    private static int unsentResults(Auction a) throws Exception {
        try (Connection c = PlatformStack.database(Service.AUCTION_CORE); PreparedStatement ps = c.prepareStatement(
                "select count(*) from outbox_event where record_key = ? and (type like '%AuctionResultsPublished%' "
                        + "or type like '%AllocationsPublished%') and published_at is null")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
