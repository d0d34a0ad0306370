package io.sovereign.auction.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sovereign.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Who may bid: an APPROVED investor record, and not a dealer identity disabled. */
class BidStandingTest {

    @Test
    void anApprovedInvestorMayBid() {
        assertThatCode(() -> BidIntake.checkStanding("dealer-01", new BidIntake.Standing(false, "APPROVED")))
                .doesNotThrowAnyException();
    }

    @Test
    void noRecordPendingOrSuspendedIs403InvestorNotApproved() {
        for (BidIntake.Standing standing : new BidIntake.Standing[] {null, new BidIntake.Standing(false, "PENDING"),
                new BidIntake.Standing(false, "SUSPENDED"), new BidIntake.Standing(false, "REJECTED")}) {
            ProblemException e = catchThrowableOfType(() -> BidIntake.checkStanding("trader", standing), ProblemException.class);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.type()).endsWith("/investor-not-approved");
            assertThat(e.extensions().get("investorStatus"))
                    .isEqualTo(standing == null ? "NONE" : standing.investorStatus());
        }
    }

    @Test
    void aDisabledDealerIs403DealerDisabledEvenIfApproved() {
        ProblemException e = catchThrowableOfType(() -> BidIntake.checkStanding("dealer-x",
                new BidIntake.Standing(true, "APPROVED")), ProblemException.class);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.type()).endsWith("/dealer-disabled");
        assertThat(e.getMessage()).contains("dealer-x");
    }
}
