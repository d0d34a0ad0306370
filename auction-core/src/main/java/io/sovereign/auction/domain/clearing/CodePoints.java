package io.sovereign.auction.domain.clearing;

import io.sovereign.events.CodePointOrder;
import java.util.Comparator;

/** Bidder and bid ids are ordered as plain strings by Unicode code point (DOMAIN.md §2): {@link CodePointOrder}. */
final class CodePoints {

    static final Comparator<String> ORDER = CodePointOrder.ORDER;

    private CodePoints() {
    }

    static int compare(String a, String b) {
        return CodePointOrder.compare(a, b);
    }
}
