package io.sovereign.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Makes parked events visible: an ERROR log line when an event is parked (once per parking), the
 * counter {@code outbox_events_parked_total}, and the gauges {@code outbox_parked_events} (parked,
 * not yet retried or discarded) and {@code outbox_held_events} (pending events held back behind
 * them), which the relay refreshes from the database at every run and the readiness check reports.
 */
@ApplicationScoped
public class ParkedEventsMonitor {

    private static final Logger LOG = Logger.getLogger(ParkedEventsMonitor.class);

    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final Counter parkings;

    public ParkedEventsMonitor(MeterRegistry registry) {
        Gauge.builder("outbox.parked.events", parked, AtomicLong::get)
                .description("Outbox events Kafka refused for good, waiting for an operator").register(registry);
        Gauge.builder("outbox.held.events", held, AtomicLong::get)
                .description("Pending outbox events held back behind a parked event of the same key").register(registry);
        parkings = Counter.builder("outbox.events.parked").description("Outbox events parked since start")
                .register(registry);
    }

    void parked(OutboxRecord row) {
        parkings.increment();
        LOG.errorf("Outbox event parked, later events of its key are held back until an operator retries or discards it "
                + "(GET /api/v1/outbox/parked): id=%s type=%s topic=%s key=%s error=%s", row.eventId, row.type, row.topic,
                row.recordKey, row.parkedError);
    }

    void counts(long parkedNow, long heldNow) {
        parked.set(parkedNow);
        held.set(heldNow);
    }

    public long parked() {
        return parked.get();
    }

    public long held() {
        return held.get();
    }
}
