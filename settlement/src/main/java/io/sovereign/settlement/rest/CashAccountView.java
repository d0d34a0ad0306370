package io.sovereign.settlement.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sovereign.settlement.service.CashLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An investor's cash account: what it has available and every movement (money in positive). */
public record CashAccountView(String investorId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance,
        List<Movement> movements) {

    /** One movement of the account. */
    public record Movement(String journalId, String kind, String description,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Instant at) {

        static Movement of(CashLedger.Movement m) {
            return new Movement(m.journalId(), m.kind(), m.description(), m.amount(), m.at());
        }
    }
}
