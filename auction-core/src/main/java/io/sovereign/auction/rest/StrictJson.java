package io.sovereign.auction.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.sovereign.auction.domain.SecurityType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Deserializers that take a JSON string and nothing else. Jackson's defaults coerce a number into
 * a String field, read a number as an epoch day or an array as a LocalDate, and an index as an
 * enum; API.md wants decimals, dates and names as strings, so anything else is a 400 naming the
 * field (through the kit's problem mappers).
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The text of a JSON string; a number, boolean, object or array is refused. */
    public static final class Text extends StdDeserializer<String> {
        public Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return p.getText();
        }
    }

    /** An ISO date string, YYYY-MM-DD, and nothing else. */
    public static final class IsoDate extends StdDeserializer<LocalDate> {
        private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        public IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            try {
                if (SHAPE.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException e) {
                // falls through to the format error
            }
            throw InvalidFormatException.from(p, "not a date YYYY-MM-DD", text, LocalDate.class);
        }
    }

    /** A security type by name; the kit answers "must be one of [...]" for any other string. */
    public static final class SecurityTypeName extends StdDeserializer<SecurityType> {
        public SecurityTypeName() {
            super(SecurityType.class);
        }

        @Override
        public SecurityType deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (SecurityType) ctxt.handleUnexpectedToken(SecurityType.class, p);
            }
            String text = p.getText();
            return Arrays.stream(SecurityType.values()).filter(t -> t.name().equals(text)).findFirst()
                    .orElseThrow(() -> InvalidFormatException.from(p, "not a security type", text, SecurityType.class));
        }
    }
}
