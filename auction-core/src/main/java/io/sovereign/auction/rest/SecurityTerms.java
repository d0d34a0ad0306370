package io.sovereign.auction.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.sovereign.kit.json.DecimalString;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sovereign.auction.domain.SecurityType;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The security auctioned; {@code couponRate} absent on a NOTE/BOND/TIPS means a new issue. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecurityTerms(
        String isin,
        @NotNull SecurityType securityType,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate maturityDate,
        LocalDate datedDate,
        LocalDate firstInterestPaymentDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @JsonDeserialize(using = DecimalString.class) BigDecimal couponRate) {
}
