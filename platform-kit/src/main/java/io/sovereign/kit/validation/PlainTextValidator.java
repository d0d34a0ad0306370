package io.sovereign.kit.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    private static final String PUNCTUATION = "'\u2019-.,&()/";

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isPlain(value);
    }

    /** Whether {@code text} is plain text as {@link PlainText} describes it. */
    public static boolean isPlain(String text) {
        if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            return false;
        }
        int previous = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = Character.isLetter(c) || Character.isDigit(c)
                    || switch (Character.getType(c)) {
                        case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
                        default -> false;
                    }
                    || (c == ' ' && previous != ' ') || PUNCTUATION.indexOf(c) >= 0;
            if (!allowed || Character.isSurrogate((char) c)) {
                return false;
            }
            previous = c;
            i += Character.charCount(c);
        }
        return true;
    }
}
