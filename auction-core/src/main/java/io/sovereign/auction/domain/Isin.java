package io.sovereign.auction.domain;

import java.util.regex.Pattern;

/** ISO 6166 security identifier: 2-letter prefix, 9 alphanumerics, a Luhn check digit. */
public final class Isin {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[A-Z0-9]{9}[0-9]");

    private Isin() {
    }

    public static boolean isValid(String isin) {
        return isin != null && SHAPE.matcher(isin).matches()
                && checkDigit(isin.substring(0, 11)) == isin.charAt(11) - '0';
    }

    /** The ISIN with the given prefix whose nine body characters are the zero-padded serial. */
    public static String assign(String prefix, long serial) {
        if (prefix == null || !prefix.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("ISIN prefix must be two capital letters: " + prefix);
        }
        if (serial < 0 || serial > 999_999_999L) {
            throw new IllegalArgumentException("ISIN serial out of range: " + serial);
        }
        String body = prefix + String.format("%09d", serial);
        return body + checkDigit(body);
    }

    /** Letters become two digits (A=10 … Z=35); then Luhn, doubling from the rightmost digit. */
    static int checkDigit(String first11) {
        StringBuilder digits = new StringBuilder();
        for (char c : first11.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c - '0') : String.valueOf(c - 'A' + 10));
        }
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
