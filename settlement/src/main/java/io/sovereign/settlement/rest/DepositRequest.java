package io.sovereign.settlement.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.sovereign.kit.json.DecimalString;
import java.math.BigDecimal;

/** POST /api/v1/cash-accounts/{investorId}/deposits: {@code amount} in currency units, 2 decimals at most, as a string. */
public record DepositRequest(@JsonDeserialize(using = DecimalString.class) BigDecimal amount) {
}
