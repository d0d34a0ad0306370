package io.sovereign.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A decimal as API.md sends it: a JSON string in plain notation ("3.202", "-0.125"), kept with the
 * scale it was written with. A JSON number, an exponent, a negative zero or anything else is refused with the
 * field named.
 * Use with {@code @JsonDeserialize(using = DecimalString.class)} on a {@link BigDecimal}.
 */
public class DecimalString extends JsonDeserializer<BigDecimal> {

    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?");

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new InvalidFormatException(p, "must be a decimal written as a JSON string, e.g. \"3.125\"",
                    p.getText(), BigDecimal.class);
        }
        String text = p.getText();
        // a negative zero ("-0", "-0.000") is no number anyone means
        if (!PLAIN.matcher(text).matches() || text.startsWith("-") && new BigDecimal(text).signum() == 0) {
            throw new InvalidFormatException(p, "must be a plain decimal such as \"3.125\"", text, BigDecimal.class);
        }
        return new BigDecimal(text);
    }
}
