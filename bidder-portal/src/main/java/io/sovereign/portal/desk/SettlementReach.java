package io.sovereign.portal.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a published auction has reached settlement, for its desk page: settlement's account of
 * the publication (GET /api/v1/settlements/publications/{id}) against the time since publication.
 * BOOKED (every chunk received, checked against auction-core, instructions created) is reached;
 * REJECTED is flagged at once; anything else is flagged once {@code flagAfter} has passed since
 * publication (the outbox, Kafka or settlement is stuck: the desk must know).
 *
 * @param flagged true when the desk must act (the page shows the message as an alert)
 */
public record SettlementReach(boolean flagged, String message) {

    /**
     * @param publication settlement's view of the publication, null if it knows nothing of it (404)
     * @param unavailable why settlement could not be asked (down, refused), null if it answered
     */
    public static SettlementReach of(Instant publishedAt, Instant now, Duration flagAfter, JsonNode publication,
            String unavailable) {
        String status = publication == null ? null : publication.path("status").asText();
        if ("BOOKED".equals(status)) {
            return new SettlementReach(false, "Settlement holds the " + publication.path("allocationCount").asLong()
                    + " published allocation(s) (" + publication.path("chunkCount").asLong() + " chunk(s), checked against "
                    + "auction-core) and booked " + publication.path("instructions").asLong() + " settlement instruction(s).");
        }
        if ("REJECTED".equals(status)) {
            return new SettlementReach(true, "Settlement rejected the allocations it received for this auction and booked "
                    + "nothing: " + publication.path("reason").asText() + ". Investigate before anything else.");
        }
        boolean late = publishedAt != null && Duration.between(publishedAt, now).compareTo(flagAfter) > 0;
        String where = unavailable != null ? "settlement cannot be asked (" + unavailable + ")"
                : publication == null ? "settlement has received nothing of it"
                : "settlement has received " + publication.path("chunksReceived").asLong() + " of "
                        + publication.path("chunkCount").asLong() + " chunk(s) and not booked it yet";
        if (!late) {
            return new SettlementReach(false, "The allocations are on their way to settlement: " + where + ".");
        }
        long minutes = Duration.between(publishedAt, now).toMinutes();
        return new SettlementReach(true, "Published " + (minutes < 1 ? "over " + flagAfter.toSeconds() + " s" : minutes
                + " min") + " ago and not settled: " + where + ". Check auction-core's outbox, Kafka and settlement.");
    }
}
