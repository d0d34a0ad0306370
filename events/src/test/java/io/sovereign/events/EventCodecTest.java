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
                new BigDecimal("0.000000"), Instant.parse("2022-08-10T17:02:00.123456Z"), "desk2",
                List.of(new AuctionResultsPublished.Allocation("al-1", "a-1", "XS0000000001", "b1", "dealer-01",
                        "COMPETITIVE", 1_000_000_000L, new BigDecimal("99.781411"), new BigDecimal("0.00"),
                        new BigDecimal("997814110.00"), LocalDate.parse("2022-08-15"), null)));
        var event = CloudEvent.of("auction-core", published);

        String json = EventCodec.write(event);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"AuctionResultsPublished\"",
                "\"subject\":\"a-1\"", "\"price\":\"99.781411\"", "\"settlementAmount\":\"997814110.00\"", "\"couponRate\":\"3.125\"",
                "\"publishedAt\":\"2022-08-10T17:02:00.123456Z\"");
        CloudEvent<PlatformEvent> read = EventCodec.read(json);
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.data()).isEqualTo(published);
        assertThat(read.data().topic()).isEqualTo(Topics.AUCTION_EVENTS);
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
