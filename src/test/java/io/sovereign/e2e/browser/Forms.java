package io.sovereign.e2e.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** What the browser tests share about the portal's forms. */
public final class Forms {

    /** Where the announce form leads: the new auction's page; group 1 is its id. */
    public static final Pattern AUCTION_URL = Pattern.compile(".*/desk/auctions/([0-9a-f-]{36})\\?done=announced$");
    /** For what waits on the services (a close, a clearing, a settlement) rather than on the page. */
    public static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    private Forms() {
    }

    /** An instant as a {@code datetime-local} input takes it, in UTC (the forms' times are UTC). */
    public static String utc(Instant i) {
        return LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString();
    }

    /** The form field with exactly this label. */
    public static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }
}
