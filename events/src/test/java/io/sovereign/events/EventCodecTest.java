package io.sovereign.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void roundTripsResultsWithExactDecimalsAsStrings() {
        var published = new AuctionResultsPublished("a-1", "XS0000000001", "NOTE", LocalDate.parse("2022-08-15"),
                LocalDate.parse("2025-08-15"), LocalDate.parse("2022-08-15"), new BigDecimal("3.125"),
                new BigDecimal("0.000000"), Instant.parse("2022-08-10T17:02:00.123456Z"), "desk2", 1, 1);
        var event = CloudEvent.of("auction-core", published);

        String json = EventCodec.write(event);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"AuctionResultsPublished\"",
                "\"subject\":\"a-1\"", "\"couponRate\":\"3.125\"", "\"allocationCount\":1", "\"chunkCount\":1",
                "\"publishedAt\":\"2022-08-10T17:02:00.123456Z\"");
        assertThat(json).doesNotContain("allocations");
        CloudEvent<PlatformEvent> read = EventCodec.read(json);
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.data()).isEqualTo(published);
        assertThat(read.data().topic()).isEqualTo(Topics.AUCTION_EVENTS);
    }

    @Test
    void roundTripsAChunkOfAllocationsOnTheAuctionsKey() {
        var chunk = new AllocationsPublished("a-1", 2, 3, List.of(allocation("al-1", null)));
        var event = CloudEvent.of("auction-core", chunk);

        String json = EventCodec.write(event);

        assertThat(json).contains("\"type\":\"AllocationsPublished\"", "\"subject\":\"a-1\"", "\"chunk\":2",
                "\"chunkCount\":3", "\"price\":\"99.781411\"", "\"settlementAmount\":\"997814110.00\"");
        assertThat(EventCodec.read(json).data()).isEqualTo(chunk);
        assertThat(chunk.topic()).isEqualTo(Topics.AUCTION_EVENTS);
    }

    /** The chunk bound's basis: what one allocation weighs in JSON, dealer and retail (with a wallet). */
    @Test
    void anAllocationIsAFewHundredBytesOfJson() {
        int dealer = EventCodec.jsonBytes(allocation("3f2b8c1e-9d4a-4b7e-8f00-5a6b7c8d9e0f", null));
        int retail = EventCodec.jsonBytes(allocation("3f2b8c1e-9d4a-4b7e-8f00-5a6b7c8d9e0f",
                "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));

        assertThat(dealer).isBetween(330, 380);
        assertThat(retail).isBetween(dealer + 40, 420);
        // a chunk of the largest allocations still holds about 1,450 of them
        assertThat(AllocationsPublished.MAX_ALLOCATION_BYTES / (retail + 1)).isBetween(1_400, AllocationsPublished.MAX_ALLOCATIONS);
    }

    static AllocationsPublished.Allocation allocation(String id, String wallet) {
        return new AllocationsPublished.Allocation(id, "6c1f7f1e-2d3b-4a5c-9e8f-0a1b2c3d4e5f", "US912828ZZ01",
                "8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6", "dealer-01", "COMPETITIVE", 1_000_000_000L,
                new BigDecimal("99.781411"), new BigDecimal("0.00"), new BigDecimal("997814110.00"),
                LocalDate.parse("2022-08-15"), wallet);
    }

    @Test
    void everyTypeIsNamedAfterItsRecord() {
        assertThat(EventType.byName("WalletRegistered")).contains(EventType.WALLET_REGISTERED);
        assertThat(EventType.values()).extracting(EventType::typeName).doesNotHaveDuplicates();
    }

    @Test
    void refusesUnknownTypesAndBrokenJson() {
        assertThatThrownBy(() -> EventCodec.read("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\","
                + "\"type\":\"Nope\",\"data\":{}}")).isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("unknown event type Nope");
        assertThatThrownBy(() -> EventCodec.read("[1,2")).isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read("{\"specversion\":\"1.0\",\"source\":\"s\","
                + "\"type\":\"AuctionClosed\",\"data\":{\"auctionId\":\"a\",\"bidCount\":1}}"))
                .hasMessageContaining("missing id");
    }
}
