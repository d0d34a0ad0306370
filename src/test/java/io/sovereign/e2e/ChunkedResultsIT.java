package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.e2e.SettlementApi.Instruction;
import io.sovereign.events.AllocationChunks;
import io.sovereign.events.AllocationsPublished;
import io.sovereign.events.AuctionEvent;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.events.EventCodec;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Results in chunks, and settlement's check of them against auction-core, on the real stack:
 * <ul>
 * <li>an auction of 2,500 allocations goes out as its results and several AllocationsPublished
 * chunks, every record under 1 MB, and settles each allocation once;</li>
 * <li>results forged on the topic (the genuine allocation ids, other prices, amounts and bidders)
 * are rejected before anything is booked, the genuine publication still settles, and a forgery
 * after it changes nothing;</li>
 * <li>a chunk altered in transit is rejected by the digest once auction-core can be asked (while
 * it is down settlement waits, it never books unchecked), and the genuine chunk sent again
 * settles; delivered once more, verbatim and in a new envelope, it changes nothing.</li>
 * </ul>
 */
@ExtendWith(PlatformStack.class)
class ChunkedResultsIT {

    private static final int BIG = 2_500;

    @Test
    void forgedResultsAreRejectedAndTheGenuineChunkedPublicationSettlesOnce() throws Exception {
        List.of("desk1", "desk2", "operator1").forEach(Tokens::user);
        SettlementCrashIT.DEALERS.forEach(Tokens::dealer);
        Auction a = SettlementCrashIT.announce(BIG);
        AuctionDriver.bid(a, SettlementCrashIT.bids(BIG), 4);
        AuctionDriver.close(a);

        // the desk sees the allocations before publication; the attacker writes them on the topic
        // with a price of its choosing, ten times the amounts, and a third of them to dealer-01
        JsonPath allocated = given().auth().oauth2(Tokens.user("desk1"))
                .get(AuctionDriver.url("/auctions/" + a.id() + "/results")).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> genuine = allocated.getList("allocations");
        BigDecimal genuinePrice = new BigDecimal(allocated.getString("price"));
        List<AllocationsPublished.Allocation> forged = new ArrayList<>();
        for (int i = 0; i < genuine.size(); i++) {
            Map<String, Object> g = genuine.get(i);
            long accepted = ((Number) g.get("accepted")).longValue() * (i % 3 == 1 ? 10 : 1);
            BigDecimal price = i % 3 == 0 ? new BigDecimal("50.000000") : genuinePrice;
            String bidder = i % 3 == 2 ? "dealer-01" : (String) g.get("bidderId");
            forged.add(allocation(a, (String) g.get("allocationId"), (String) g.get("bidId"), bidder, accepted, price));
        }
        Map<String, BigDecimal> cashBefore = SettlementCrashIT.DEALERS.stream()
                .collect(Collectors.toMap(d -> d, SettlementApi::balance));
        List<String> forgedIds = AuctionEventsWriter.send("auction-core", publication(a, forged));

        Map<String, Object> rejected = awaitPublication(a, "REJECTED");
        assertThat((String) rejected.get("reason")).contains("has not published");
        assertThat(inboxHolds(forgedIds)).isTrue();
        assertThat(SettlementApi.instructions(a.id())).as("nothing booked for forged results").isEmpty();
        SettlementCrashIT.DEALERS.forEach(d -> assertThat(SettlementApi.balance(d)).as("cash of " + d)
                .isEqualByComparingTo(cashBefore.get(d)));

        // the genuine publication: results and chunks, every record well under 1 MB
        List<Award> awards = AuctionDriver.publish(a);
        assertThat(awards).hasSize(BIG);
        Map<String, Instruction> done = SettlementApi.awaitFinal(a.id(), BIG, Duration.ofSeconds(300));
        SettlementCrashIT.assertEveryAllocationSettledOnce(a, awards, done);
        Map<String, Award> byId = awards.stream().collect(Collectors.toMap(Award::allocationId, x -> x));
        done.values().forEach(i -> {
            Award aw = byId.get(i.allocationId());
            assertThat(i.investorId()).as(i.allocationId()).isEqualTo(aw.bidderId());
            assertThat(i.amount()).as(i.allocationId()).isEqualTo(aw.accepted());
            // the genuine price (a new issue accrues nothing); the forged one was 50 for a third of them
            BigDecimal due = BigDecimal.valueOf(aw.accepted()).multiply(genuinePrice).divide(BigDecimal.valueOf(100));
            assertThat(i.cashAmount().subtract(due).abs()).as(i.allocationId()).isLessThanOrEqualTo(new BigDecimal("0.01"));
        });
        Map<String, Object> booked = awaitPublication(a, "BOOKED");
        assertThat(((Number) booked.get("instructions")).intValue()).isEqualTo(BIG);
        List<AuctionResultsPublished> results = TopicRecords.events(Topics.AUCTION_EVENTS, a.id(),
                AuctionResultsPublished.class).stream().filter(r -> r.publishedBy() != null && r.publishedBy().equals("desk2"))
                .toList();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.allocationCount()).isEqualTo(BIG);
            assertThat(r.chunkCount()).isGreaterThanOrEqualTo(2).isEqualTo(((Number) booked.get("chunkCount")).intValue());
        });
        List<AllocationsPublished> chunks = TopicRecords.events(Topics.AUCTION_EVENTS, a.id(), AllocationsPublished.class);
        assertThat(chunks).allSatisfy(c -> assertThat(c.allocations()).hasSizeLessThanOrEqualTo(2_000));
        assertEveryRecordUnderOneMegabyte();

        // a forgery after booking: read, ignored
        long supply = Chain.totalSupply(SettlementApi.awaitToken(a.isin()));
        List<String> late = AuctionEventsWriter.send("auction-core", publication(a, forged));
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxHolds(late));
        assertThat(awaitPublication(a, "BOOKED").get("instructions")).isEqualTo(BIG);
        assertThat(SettlementApi.instructions(a.id())).hasSize(BIG);
        assertThat(Chain.totalSupply(SettlementApi.awaitToken(a.isin()))).isEqualTo(supply);
    }

    @Test
    void aChunkAlteredInTransitIsRejectedByTheDigestAndTheGenuineChunkStillSettles() throws Exception {
        List.of("desk1", "desk2", "operator1").forEach(Tokens::user);
        SettlementCrashIT.DEALERS.forEach(Tokens::dealer);
        Auction a = SettlementCrashIT.announce(40);
        AuctionDriver.bid(a, SettlementCrashIT.bids(40), 4);
        AuctionDriver.close(a);

        // settlement away while the genuine publication goes out; behind it on the topic, the same
        // chunk with one allocation at a price of 1
        PlatformStack.stack().killService(Service.SETTLEMENT);
        List<Award> awards;
        List<String> altered;
        AllocationsPublished genuine;
        try {
            awards = AuctionDriver.publish(a);
            genuine = await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.events(Topics.AUCTION_EVENTS, a.id(),
                    AllocationsPublished.class), l -> !l.isEmpty()).get(0);
            List<AllocationsPublished.Allocation> changed = new ArrayList<>(genuine.allocations());
            AllocationsPublished.Allocation first = changed.get(0);
            changed.set(0, new AllocationsPublished.Allocation(first.allocationId(), first.auctionId(), first.isin(),
                    first.bidId(), first.bidderId(), first.kind(), first.accepted(), new BigDecimal("1.000000"),
                    first.accruedInterest(), BigDecimal.valueOf(first.accepted()).divide(BigDecimal.valueOf(100), 2,
                            RoundingMode.UNNECESSARY), first.issueDate(), first.walletAddress()));
            altered = AuctionEventsWriter.send("auction-core", List.of(new AllocationsPublished(a.id(), genuine.chunk(),
                    genuine.chunkCount(), changed)));
            // and auction-core, which settlement checks against, is down when settlement returns
            PlatformStack.stack().killService(Service.AUCTION_CORE);
        } finally {
            PlatformStack.stack().startService(Service.SETTLEMENT);
        }
        try {
            // everything received, nothing booked: settlement cannot check, so it waits
            await().atMost(Duration.ofSeconds(120)).until(() -> inboxHolds(altered));
            assertThat(awaitPublication(a, "RECEIVED").get("chunksReceived")).isEqualTo(genuine.chunkCount());
            assertThat(SettlementApi.instructions(a.id())).isEmpty();
        } finally {
            PlatformStack.stack().startService(Service.AUCTION_CORE);
        }

        Map<String, Object> rejected = awaitPublication(a, "REJECTED");
        assertThat((String) rejected.get("reason")).contains("digest");
        assertThat(SettlementApi.instructions(a.id())).isEmpty();

        // the genuine chunk delivered again (a new envelope, as a re-sent event): checked, booked, settled
        AuctionEventsWriter.send("auction-core", List.of(genuine));
        Map<String, Instruction> done = SettlementApi.awaitFinal(a.id(), awards.size(), Duration.ofSeconds(180));
        SettlementCrashIT.assertEveryAllocationSettledOnce(a, awards, done);
        assertThat(awaitPublication(a, "BOOKED").get("instructions")).isEqualTo(awards.size());

        // delivered again: the chunk verbatim (its event id: the inbox skips it), then in a new envelope
        // (stored content, nothing new); once the second is consumed, the first was too (one key, one partition)
        ConsumerRecord<String, String> first = TopicRecords.all(Topics.AUCTION_EVENTS).stream()
                .filter(r -> a.id().equals(r.key()) && EventCodec.read(r.value()).data() instanceof AllocationsPublished)
                .findFirst().orElseThrow();
        long supply = Chain.totalSupply(SettlementApi.awaitToken(a.isin()));
        AuctionEventsWriter.sendAsIs(first.key(), first.value());
        List<String> again = AuctionEventsWriter.send("auction-core", List.of(genuine));
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxHolds(again));
        assertThat(SettlementApi.instructions(a.id())).hasSize(awards.size());
        assertThat(awaitPublication(a, "BOOKED").get("instructions")).isEqualTo(awards.size());
        assertThat(Chain.totalSupply(SettlementApi.awaitToken(a.isin()))).isEqualTo(supply);
    }

    static void assertEveryRecordUnderOneMegabyte() {
        for (String topic : List.of(Topics.AUCTION_EVENTS, Topics.IDENTITY_EVENTS, Topics.SETTLEMENT_EVENTS)) {
            List<ConsumerRecord<String, String>> records = TopicRecords.all(topic);
            assertThat(records).as(topic).allSatisfy(r -> assertThat(Math.max(r.serializedKeySize(), 0)
                    + r.serializedValueSize()).as("record %s@%d of %s", r.partition(), r.offset(), topic)
                    .isLessThan(1_000_000));
        }
    }

    private static AllocationsPublished.Allocation allocation(Auction a, String id, String bidId, String bidder, long accepted,
            BigDecimal price) {
        return new AllocationsPublished.Allocation(id, a.id(), a.isin(), bidId, bidder, "COMPETITIVE", accepted, price,
                new BigDecimal("0.00"), BigDecimal.valueOf(accepted).multiply(price).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_UP), java.time.LocalDate.now().plusDays(7), null);
    }

    /** Results and chunks as auction-core would write them, for these allocations. */
    private static List<AuctionEvent> publication(Auction a, List<AllocationsPublished.Allocation> allocations) {
        List<AllocationsPublished> chunks = AllocationChunks.of(a.id(), allocations);
        List<AuctionEvent> events = new ArrayList<>();
        events.add(new AuctionResultsPublished(a.id(), a.isin(), "NOTE", java.time.LocalDate.now().plusDays(7),
                java.time.LocalDate.now().plusDays(7).plusYears(5), java.time.LocalDate.now().plusDays(7),
                new BigDecimal("9.000"), new BigDecimal("0.000000"), Instant.now(), "attacker", allocations.size(),
                chunks.size()));
        events.addAll(chunks);
        return events;
    }

    /** Settlement's account of the publication once it is in {@code status}. */
    static Map<String, Object> awaitPublication(Auction a, String status) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var r = SettlementApi.operator().get(SettlementApi.url("/settlements/publications/" + a.id()));
            return r.statusCode() == 200 ? r.jsonPath().<String, Object>getMap("$") : Map.<String, Object>of();
        }, m -> status.equals(m.get("status")));
    }

    /** Settlement has consumed these events (its inbox holds their ids). */
    static boolean inboxHolds(List<String> eventIds) throws Exception {
        try (Connection c = PlatformStack.database(Service.SETTLEMENT); PreparedStatement ps = c.prepareStatement(
                "select count(*) from inbox_event where event_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == eventIds.size();
            }
        }
    }
}
