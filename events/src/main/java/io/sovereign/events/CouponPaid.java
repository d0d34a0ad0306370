package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A coupon paid to every holder of record on {@code paymentDate}. */
public record CouponPaid(String isin, LocalDate paymentDate, long holders, long parOutstanding,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalPaid) implements SettlementEvent {
    @Override
    public String key() {
        return isin + "/" + paymentDate;
    }
}
