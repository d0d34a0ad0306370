package io.sovereign.events;

/** The allocation cannot settle, for {@code reason} (insufficient cash, wallet not verified, ...). */
public record AllocationFailed(String allocationId, String auctionId, String isin, String investorId, String reason)
        implements SettlementEvent {
    @Override
    public String key() {
        return allocationId;
    }
}
