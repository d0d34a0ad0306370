package io.sovereign.auction.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.auction.repository.Auction;
import io.sovereign.kit.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DOMAIN.md §3: a bid is judged by the instant it was received, to the millisecond and below. */
class BidTimingTest {

    private static final Instant OPENS = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant NC_CLOSES = Instant.parse("2026-11-21T10:30:00Z");
    private static final Instant CLOSES = Instant.parse("2026-11-21T11:00:00Z");

    private static Auction auction(AuctionStatus status) {
        Auction a = new Auction();
        a.auctionId = "a-1";
        a.status = status;
        a.biddingOpensAt = OPENS;
        a.nonCompetitiveClosesAt = NC_CLOSES;
        a.competitiveClosesAt = CLOSES;
        return a;
    }

    @Test
    void aCompetitiveBidOneMillisecondBeforeTheCloseIsInTimeAndOneAtTheCloseIsNot() {
        Auction a = auction(AuctionStatus.OPEN);
        assertThatCode(() -> BidIntake.checkTiming(a, BidKind.COMPETITIVE, CLOSES.minusMillis(1))).doesNotThrowAnyException();
        assertThatCode(() -> BidIntake.checkTiming(a, BidKind.COMPETITIVE, CLOSES.minusNanos(1_000))).doesNotThrowAnyException();
        assertThatThrownBy(() -> BidIntake.checkTiming(a, BidKind.COMPETITIVE, CLOSES))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(409);
                    org.assertj.core.api.Assertions.assertThat(e.extensions()).containsEntry("receivedAt", "2026-11-21T11:00:00.000000Z")
                            .containsEntry("deadline", "2026-11-21T11:00:00.000000Z");
                });
    }

    @Test
    void aNonCompetitiveBidHasTheEarlierDeadline() {
        Auction a = auction(AuctionStatus.OPEN);
        assertThatCode(() -> BidIntake.checkTiming(a, BidKind.NONCOMPETITIVE, NC_CLOSES.minusMillis(1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> BidIntake.checkTiming(a, BidKind.NONCOMPETITIVE, NC_CLOSES)).isInstanceOf(ProblemException.class);
        assertThatCode(() -> BidIntake.checkTiming(a, BidKind.COMPETITIVE, NC_CLOSES)).doesNotThrowAnyException();
    }

    @Test
    void bidsBeforeTheOpeningOrAfterAnEarlyCloseOrCancellationAreRefused() {
        assertThatThrownBy(() -> BidIntake.checkTiming(auction(AuctionStatus.ANNOUNCED), BidKind.COMPETITIVE,
                OPENS.minusMillis(1))).isInstanceOf(ProblemException.class).hasMessageContaining("Bidding opens at");
        // the opening is judged by the instant too: the status may still say ANNOUNCED for a moment
        assertThatCode(() -> BidIntake.checkTiming(auction(AuctionStatus.ANNOUNCED), BidKind.COMPETITIVE, OPENS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BidIntake.checkTiming(auction(AuctionStatus.CLOSED), BidKind.COMPETITIVE,
                OPENS.plusSeconds(60))).isInstanceOf(ProblemException.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> BidIntake.checkTiming(auction(AuctionStatus.CANCELLED), BidKind.COMPETITIVE,
                OPENS.plusSeconds(60))).isInstanceOf(ProblemException.class).hasMessageContaining("cancelled");
    }
}
