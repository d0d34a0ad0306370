package io.sovereign.auction.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.kit.json.DecimalString;
import java.math.BigDecimal;

/**
 * POST /api/v1/auctions/{id}/bids. Checked against the auction's terms only once the bid is known
 * to be in time (a late bid gets 409 whatever it contains).
 *
 * @param rate  the yield or discount rate of a competitive bid (3 decimals at most), as a string
 * @param price the price per 100 on PRICE basis, as a string
 * @param netLongPosition the bidder's net long position in the security (0 if absent)
 */
public record BidSubmission(
        BidKind kind,
        @JsonDeserialize(using = DecimalString.class) BigDecimal rate,
        @JsonDeserialize(using = DecimalString.class) BigDecimal price,
        Long amount,
        @Schema(minimum = "0") Long netLongPosition) {
}
