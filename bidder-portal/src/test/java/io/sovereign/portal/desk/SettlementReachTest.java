package io.sovereign.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettlementReachTest {

    private static final Instant PUBLISHED = Instant.parse("2026-05-04T13:00:00Z");
    private static final Duration AFTER = Duration.ofMinutes(2);

    private static JsonNode publication(String status, int chunksReceived) throws Exception {
        return new ObjectMapper().readTree("{\"status\":\"" + status + "\",\"allocationCount\":4500,\"chunkCount\":3,"
                + "\"chunksReceived\":" + chunksReceived + ",\"instructions\":4321,\"reason\":\"the allocations' digest x is "
                + "not auction-core's y\"}");
    }

    @Test
    void bookedIsReachedWhenever() throws Exception {
        SettlementReach r = SettlementReach.of(PUBLISHED, PUBLISHED.plus(Duration.ofHours(3)), AFTER,
                publication("BOOKED", 3), null);

        assertThat(r.flagged()).isFalse();
        assertThat(r.message()).contains("4500 published allocation(s)", "3 chunk(s)", "4321 settlement instruction(s)");
    }

    @Test
    void notReachedIsFlaggedOnlyAfterTheThreshold() throws Exception {
        assertThat(SettlementReach.of(PUBLISHED, PUBLISHED.plusSeconds(119), AFTER, null, null).flagged()).isFalse();
        assertThat(SettlementReach.of(PUBLISHED, PUBLISHED.plusSeconds(120), AFTER, publication("RECEIVED", 1), null)
                .flagged()).isFalse();

        SettlementReach nothing = SettlementReach.of(PUBLISHED, PUBLISHED.plusSeconds(121), AFTER, null, null);
        SettlementReach partly = SettlementReach.of(PUBLISHED, PUBLISHED.plus(Duration.ofMinutes(7)), AFTER,
                publication("RECEIVED", 1), null);
        SettlementReach unknown = SettlementReach.of(PUBLISHED, PUBLISHED.plus(Duration.ofMinutes(3)), AFTER, null,
                "503 Service Unavailable");

        assertThat(nothing.flagged()).isTrue();
        assertThat(nothing.message()).contains("settlement has received nothing of it");
        assertThat(partly.flagged()).isTrue();
        assertThat(partly.message()).contains("Published 7 min ago and not settled", "1 of 3 chunk(s)");
        assertThat(unknown.flagged()).isTrue();
        assertThat(unknown.message()).contains("settlement cannot be asked (503 Service Unavailable)");
    }

    @Test
    void rejectedIsFlaggedAtOnce() throws Exception {
        SettlementReach r = SettlementReach.of(PUBLISHED, PUBLISHED.plusSeconds(5), AFTER, publication("REJECTED", 3), null);

        assertThat(r.flagged()).isTrue();
        assertThat(r.message()).contains("rejected", "booked nothing", "digest x is not auction-core's y");
    }
}
