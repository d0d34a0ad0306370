package io.sovereign.kit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * API.md: instants are ISO-8601 UTC with microseconds, always six digits
 * ({@code 2026-11-21T10:00:00.123400Z}), so a value can be compared and hashed as text (bid
 * receipts are computed over {@code receivedAt} as the response shows it).
 */
public final class Instants extends StdSerializer<Instant> {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public Instants() {
        super(Instant.class);
    }

    /** The instant as the API writes it (truncated to the microsecond). */
    public static String format(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(format(value));
    }
}
