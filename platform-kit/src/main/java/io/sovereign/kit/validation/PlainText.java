package io.sovereign.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text a person types (a legal name, a KYC reason): letters and combining marks of any script,
 * digits, single spaces between words and the punctuation {@code ' ’ - . , & ( ) /}. Refused: control
 * and format characters (NUL, bidirectional overrides, zero-width characters, BOM), lone surrogates,
 * leading or trailing blanks, markup and statement characters ({@code < > " ; = * % \ { } `} and the
 * like). The set is SWIFT's narrative character set widened to every script; null is valid (pair it with
 * {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "may hold only letters, digits, spaces and ' - . , & ( ) /";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
