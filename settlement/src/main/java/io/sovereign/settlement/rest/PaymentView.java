package io.sovereign.settlement.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sovereign.settlement.service.SecurityPayments;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A coupon or a redemption: the holders of record at {@code recordBlock} and what each was paid
 * ({@code txHash} of a line: the burn of a redemption).
 */
public record PaymentView(String isin, String kind, LocalDate paymentDate, long recordBlock, String status, int holders,
        long par, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalPaid, String journalId, String txHash,
        List<Line> payments) {

    /** One holder of record. */
    public record Line(String investorId, String walletAddress, long par,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String txHash) {
    }

    static PaymentView of(SecurityPayments.Payment p) {
        return new PaymentView(p.isin(), p.kind(), p.paymentDate(), p.recordBlock(), p.status(), p.holders(), p.par(),
                p.totalPaid(), p.journalId(), p.txHash(), p.lines().stream().map(l -> new Line(l.investorId(),
                        l.walletAddress(), l.par(), l.amount(), l.txHash())).toList());
    }
}
