package io.sovereign.kit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
public final class Instants {

    public static final String PATTERN = "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'";
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneOffset.UTC);

    private Instants() {
    }

    /** The instant as the API writes it (truncated to the microsecond). */
    public static String format(Instant instant) {
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Makes the mapper write every Instant this way (reading is unchanged). JavaTimeModule is
     * registered first so that this serializer, registered after it, wins; Quarkus's own later
     * registration of the module is ignored as a duplicate.
     */
    static void configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(new SimpleModule("instants-with-micros").addSerializer(Instant.class,
                new StdSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                        gen.writeString(format(value));
                    }
                }));
    }
}
