package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Tokens burned at maturity against principal. */
public record Redeemed(String isin, LocalDate maturityDate, long parRedeemed,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal principalPaid, String txHash)
        implements SettlementEvent {
    @Override
    public String key() {
        return isin + "/" + maturityDate;
    }
}
