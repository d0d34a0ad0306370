package io.sovereign.settlement.service;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A timestamptz column as native queries return it, whichever type the driver chose. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) column).toInstant();
    }
}
