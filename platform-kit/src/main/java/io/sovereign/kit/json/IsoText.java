package io.sovereign.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A value that API.md writes as an ISO-8601 string of one exact shape: any other token (a number, an
 * array) or a string of another shape (blanks, a five-digit year) is refused with the field named.
 */
abstract class IsoText<T> extends StdDeserializer<T> {

    private final Pattern shape;
    private final Function<String, T> parse;
    private final String expected;

    IsoText(Class<T> type, Pattern shape, Function<String, T> parse, String expected) {
        super(type);
        this.shape = shape;
        this.parse = parse;
        this.expected = expected;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
        String text = p.getText();
        try {
            if (shape.matcher(text).matches()) {
                return parse.apply(text);
            }
        } catch (DateTimeParseException e) {
            // falls through to the format error
        }
        throw InvalidFormatException.from(p, expected, text, handledType());
    }
}
