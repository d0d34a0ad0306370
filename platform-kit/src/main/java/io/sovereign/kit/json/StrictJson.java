package io.sovereign.kit.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * API.md's conventions, enforced on input: par amounts are JSON integers (not "100", not 100.5),
 * nulls are not numbers, enum values are names (not indexes), strings are not numbers, dates are
 * {@code YYYY-MM-DD} strings ({@link IsoDate}), instants ISO-8601 strings ({@link IsoInstant}), enum
 * values exactly as named ({@link ExactEnums}: no trimmed blanks), a key may appear once per object (with two, which one
 * counts would be the parser's choice). Decimals are JSON strings: see {@link DecimalString}.
 * On output, instants always carry six decimals of seconds ({@link Instants}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(), true);
        // "" , " " or "\u0000" for a number, a date or an enum is not "absent": Jackson would read null
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // JavaTimeModule first (in Instants): the module registered last wins, and the strict
        // readers must win over its lenient ones (epoch numbers, arrays, trimmed blanks)
        Instants.configure(mapper);
        mapper.registerModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new IsoDate())
                .addDeserializer(java.time.Instant.class, new IsoInstant()).setDeserializerModifier(new ExactEnums()));
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }
}
