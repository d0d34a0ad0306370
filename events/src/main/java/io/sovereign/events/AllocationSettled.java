package io.sovereign.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** Delivery versus payment completed: cash debited and the bond minted in {@code txHash}. */
public record AllocationSettled(String allocationId, String auctionId, String isin, String investorId,
        String walletAddress, long amount, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cashAmount,
        String txHash) implements SettlementEvent {
    @Override
    public String key() {
        return allocationId;
    }
}
