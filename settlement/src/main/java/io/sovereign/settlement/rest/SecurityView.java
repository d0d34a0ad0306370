package io.sovereign.settlement.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sovereign.settlement.service.Holdings;
import java.math.BigDecimal;
import java.time.LocalDate;

/** GET /api/v1/securities; {@code tokenAddress} is null until the bond token is deployed, {@code totalSupply} read from chain. */
public record SecurityView(String isin, String securityType, String tokenAddress, long chainId, long totalSupply,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal couponRate, LocalDate issueDate, LocalDate maturityDate) {

    static SecurityView of(Holdings.SecurityState state, long chainId) {
        var s = state.security();
        return new SecurityView(s.isin, s.securityType, s.tokenAddress, chainId, state.totalSupply(), s.couponRate,
                s.issueDate, s.maturityDate);
    }
}
