package io.sovereign.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Instants as people read them in templates: {@code {a.closesAt.utc}} → "2026-11-22 02:58:23 UTC". */
@TemplateExtension
public final class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** An ISO-8601 instant to the second in UTC; anything else as it is. */
    static String utc(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return UTC.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
