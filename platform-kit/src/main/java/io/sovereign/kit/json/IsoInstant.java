package io.sovereign.kit.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * An instant as API.md sends it: an ISO-8601 string with a four-digit year and an offset
 * ({@code 2026-11-21T10:00:00.1234Z}, {@code 2026-11-21T11:00:00+01:00}). Jackson would also take
 * epoch seconds as a number (a year 285,428,751 the database cannot store) and trim blanks; both are
 * refused with the field named. Registered for every {@link Instant} by {@link StrictJson}.
 */
public class IsoInstant extends IsoText<Instant> {

    public IsoInstant() {
        super(Instant.class,
                Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})"),
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                "not an instant such as 2026-11-21T10:00:00Z");
    }
}
