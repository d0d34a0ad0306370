package io.sovereign.kit.json;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A date as API.md sends it: the string {@code YYYY-MM-DD}. Jackson would also take an epoch day
 * (a number) or an array; those are refused with the field named. Registered for every
 * {@link LocalDate} by {@link StrictJson}.
 */
public class IsoDate extends IsoText<LocalDate> {

    public IsoDate() {
        super(LocalDate.class, Pattern.compile("\\d{4}-\\d{2}-\\d{2}"), LocalDate::parse, "not a date YYYY-MM-DD");
    }
}
