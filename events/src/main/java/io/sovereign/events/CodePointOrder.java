package io.sovereign.events;

import java.util.Comparator;

/**
 * Ids (bidder, bid, allocation) ordered as plain strings by Unicode code point, the one order the
 * clearing's tie-breaks and the allocations digest both use (String.compareTo compares UTF-16 units,
 * which differs for characters outside the Basic Multilingual Plane).
 */
public final class CodePointOrder {

    public static final Comparator<String> ORDER = CodePointOrder::compare;

    private CodePointOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
