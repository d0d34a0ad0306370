package io.sovereign.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports parked outbox events among the readiness checks, always UP: a parked event is a problem
 * of one event in the service's database, which every replica shares, so taking instances out of
 * the load balancer would stop the whole service (its API, its consumers) and cure nothing.
 * Operators see it here ({@code parked}, {@code heldBack}), in the metric
 * {@code outbox_parked_events} (what an alert watches) and in the ERROR log.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final ParkedEventsMonitor monitor;

    public OutboxHealthCheck(ParkedEventsMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Outbox parked events").up().withData("parked", monitor.parked())
                .withData("heldBack", monitor.held()).build();
    }
}
