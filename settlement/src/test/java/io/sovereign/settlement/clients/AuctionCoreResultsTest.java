package io.sovereign.settlement.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereign.settlement.service.Publications;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuctionCoreResultsTest {

    private static Publications.Expected head(String json) throws Exception {
        return AuctionCoreResults.head("a-1", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsCountAndDigestFromTheHeadOfAPublishedResultsDocument() throws Exception {
        assertThat(head("{\"auctionId\":\"a-1\",\"status\":\"PUBLISHED\",\"highRate\":\"3.150\",\"levels\":[{\"x\":1}],"
                + "\"publishedAt\":\"2026-01-01T00:00:00Z\",\"allocationCount\":3,\"allocationsDigest\":\"ab12\","
                + "\"allocations\":[{\"allocationId\":\"x\"}, BROKEN"))
                .isEqualTo(new Publications.Expected.Published(3, "ab12"));
    }

    @Test
    void anAuctionNotPublishedIsNotPublished() throws Exception {
        assertThat(head("{\"auctionId\":\"a-1\",\"status\":\"ALLOCATED\",\"allocations\":[]}"))
                .isInstanceOf(Publications.Expected.NotPublished.class);
    }

    @Test
    void aPublishedDocumentWithoutTheDigestIsNotAnAnswer() {
        assertThatThrownBy(() -> head("{\"auctionId\":\"a-1\",\"status\":\"PUBLISHED\",\"allocations\":[]}"))
                .isInstanceOf(AuctionCoreResults.UnavailableException.class);
    }
}
