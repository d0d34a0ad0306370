package io.sovereign.events;

/** Events on {@link Topics#IDENTITY_EVENTS}, keyed by investorId. */
public sealed interface IdentityEvent extends PlatformEvent
        permits InvestorApproved, InvestorSuspended, WalletRegistered, DealerDisabled {
    String investorId();

    @Override
    default String key() {
        return investorId();
    }

    @Override
    default String topic() {
        return Topics.IDENTITY_EVENTS;
    }
}
