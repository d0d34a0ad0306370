package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An auction's terms as announced; {@code couponRate} is null for bills and new issues. */
public record AuctionAnnounced(
        String auctionId,
        String isin,
        String securityType,
        LocalDate issueDate,
        LocalDate maturityDate,
        LocalDate datedDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal couponRate,
        String format,
        String bidBasis,
        long offeringAmount,
        Instant biddingOpensAt,
        Instant nonCompetitiveClosesAt,
        Instant competitiveClosesAt,
        String createdBy) implements AuctionEvent {
}
