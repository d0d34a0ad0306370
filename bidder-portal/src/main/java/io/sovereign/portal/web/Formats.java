package io.sovereign.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How the pages write amounts and instants: {@code {amount.grouped}}, {@code {instant.utc}}. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A par amount with thousands separators: 42,000,000,000. */
    public static String grouped(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d", amount);
    }

    /** An ISO-8601 instant as the API writes it, shown to the second in UTC; anything else as it is. */
    public static String utc(String instant) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        try {
            return UTC.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
