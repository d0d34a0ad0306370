package io.sovereign.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereign.events.AuctionClosed;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.DealerDisabled;
import io.sovereign.events.InvestorApproved;
import io.sovereign.events.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventOriginTest {

    private static final InvestorApproved APPROVAL = new InvestorApproved("retail2", "RETAIL", "DE",
            "0x00000000000000000000000000000000000000aa", Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void anIdentityEventFromIdentityOnItsTopicIsApplied() {
        assertThat(EventOrigin.refusal(Topics.IDENTITY_EVENTS, CloudEvent.of("identity", APPROVAL))).isEmpty();
        assertThat(EventOrigin.refusal(Topics.AUCTION_EVENTS,
                CloudEvent.of("auction-core", new AuctionClosed("a-1", Instant.now(), 3)))).isEmpty();
    }

    @Test
    void anApprovalOnTheAuctionTopicIsRefusedWhateverItsSource() {
        assertThat(EventOrigin.refusal(Topics.AUCTION_EVENTS, CloudEvent.of("identity", APPROVAL)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("belongs on identity.events.v1"));
        assertThat(EventOrigin.refusal(Topics.AUCTION_EVENTS, CloudEvent.of("auction-core", APPROVAL))).isPresent();
    }

    @Test
    void anIdentityEventClaimingAnotherSourceIsRefused() {
        assertThat(EventOrigin.refusal(Topics.IDENTITY_EVENTS, CloudEvent.of("settlement", APPROVAL)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("must come from identity, not from settlement"));
        assertThat(EventOrigin.refusal(Topics.IDENTITY_EVENTS,
                CloudEvent.of("bidder-portal", new DealerDisabled("dealer-01", "dealer-01", "x", Instant.now()))))
                .isPresent();
    }

    @Test
    void anEventOnAnUnknownTopicIsRefused() {
        assertThat(EventOrigin.refusal("other.events", CloudEvent.of("identity", APPROVAL))).isPresent();
    }
}
