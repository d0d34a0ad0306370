package io.sovereign.settlement.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/** GET /api/v1/securities; {@code tokenAddress} is null until the bond token is deployed. */
public record SecurityView(String isin, String tokenAddress, long chainId, long totalSupply,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal couponRate, LocalDate maturityDate) {
}
