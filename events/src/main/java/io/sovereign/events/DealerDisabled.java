package io.sovereign.events;

import java.time.Instant;

/**
 * A dealer system was disabled: its tokens, even those issued before, are refused by every service
 * from the moment the service reads this event. The investor id of a dealer is its client id.
 */
public record DealerDisabled(String investorId, String clientId, String disabledBy, Instant disabledAt)
        implements IdentityEvent {
}
