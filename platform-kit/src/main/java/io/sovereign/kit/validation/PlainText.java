package io.sovereign.kit.validation;

import java.util.regex.Pattern;

/**
 * Free text a person types (a legal name, a KYC reason), for {@code @Pattern(regexp = PlainText.PATTERN,
 * message = PlainText.MESSAGE)}: words of letters and combining marks of any script, digits and the
 * punctuation {@code ' ’ - . , & ( ) /}, separated by single spaces. Refused: control and format
 * characters (NUL, bidirectional overrides, zero-width characters, BOM), lone surrogates, leading,
 * trailing or double blanks, markup and statement characters ({@code < > " ; = * % \ { } : `} and the
 * like). It is SWIFT's narrative character set widened to every script. As a {@code @Pattern}, the rule
 * is published in the OpenAPI schema.
 *
 * <p>{@link #NARRATIVE} is the same rule for sentences (a KYC decision's reason): it also takes
 * {@code : ; ! ? % + # " @}, which a compliance officer writes ("ID checked: passport; address 2025"), and
 * still refuses control and format characters, double blanks and {@code < > = * \ { } `}.
 */
public final class PlainText {

    private static final String WORD = "[\\p{L}\\p{M}\\p{Nd}'\u2019\\-.,&()/]+";
    public static final String PATTERN = WORD + "(?: " + WORD + ")*";
    public static final String MESSAGE = "may hold only words of letters, digits and ' - . , & ( ) / separated by single spaces";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private static final String NARRATIVE_WORD = "[\\p{L}\\p{M}\\p{Nd}'\u2019\\-.,&()/:;!?%+#\"@]+";
    public static final String NARRATIVE = NARRATIVE_WORD + "(?: " + NARRATIVE_WORD + ")*";
    public static final String NARRATIVE_MESSAGE =
            "may hold only words of letters, digits and ' - . , & ( ) / : ; ! ? % + # \" @ separated by single spaces";
    private static final Pattern NARRATIVE_COMPILED = Pattern.compile(NARRATIVE);

    private PlainText() {
    }

    /** Whether the text is plain text (as {@code @Pattern} checks it: the whole text). */
    public static boolean matches(String text) {
        return COMPILED.matcher(text).matches();
    }

    /** Whether the text is a plain sentence ({@link #NARRATIVE}, the whole text). */
    public static boolean matchesNarrative(String text) {
        return NARRATIVE_COMPILED.matcher(text).matches();
    }
}
