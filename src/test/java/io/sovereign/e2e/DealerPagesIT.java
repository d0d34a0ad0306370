package io.sovereign.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sovereign.e2e.browser.PortalBrowser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dealer's pages in a browser: trader1 (a primary-dealer person, given an APPROVED investor
 * record through identity first: bids need one) finds the open auction with
 * its countdowns, enters two levels (a bad amount caught in the page first), sees each bid's
 * receipt, has auction-core's refusal of a third level shown next to its field, and withdraws one.
 */
@ExtendWith(PlatformStack.class)
class DealerPagesIT {

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    private static Locator level(Page page, int n) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Level " + n));
    }

    @Test
    void trader1EntersTwoLevelsSeesTheReceiptsAndWithdrawsOne() {
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        AuctionDriver.Auction a = AuctionDriver.announceNote(issue, issue.plusYears(5), 50_000_000);
        // bidding needs an APPROVED investor record; the dev seed gives trader1 none
        FreshInvestors.approvedDealerPerson("trader1", a.id());
        Page page = browser.loginAs("trader1");
        browser.open(page, "/dealer");
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("NOTE " + a.isin()));
        assertThat(page.locator("tr", new Page.LocatorOptions().setHas(link)).locator(".countdown").first())
                .hasText(Pattern.compile("\\(closes in .*s\\)"));
        browser.screenshot(page, "dealer-open-auctions");
        link.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("NOTE " + a.isin());

        // a third level added and removed again: two remain
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a level")).click();
        assertThat(level(page, 3)).isVisible();
        level(page, 3).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove level 3")).click();
        assertThat(level(page, 3)).hasCount(0);

        level(page, 1).getByLabel("Yield (%)").fill("4.010");
        level(page, 1).getByLabel("Amount").fill("1000000");
        level(page, 2).getByLabel("Yield (%)").fill("4.025");
        level(page, 2).getByLabel("Amount").fill("2000050");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place bids")).click();
        // caught in the page: nothing sent
        assertThat(level(page, 2).locator("#amount-1-error")).hasText("The amount must be a multiple of 100.");
        assertThat(level(page, 2).getByLabel("Amount")).hasAttribute("aria-invalid", "true");
        browser.screenshot(page, "dealer-bid-entry-error");

        level(page, 2).getByLabel("Amount").fill("2000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place bids")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("2 bids placed: the receipts are in your bids below.");
        Locator bids = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Your bids"));
        assertThat(bids.locator("tbody tr")).hasCount(2);
        assertThat(bids.locator("code.receipt").first()).hasText(Pattern.compile("[0-9a-f]{64}"));
        assertThat(bids.locator("code.receipt").nth(1)).hasText(Pattern.compile("[0-9a-f]{64}"));
        assertThat(bids.locator("tbody tr").first()).containsText("4.010");
        assertThat(bids.locator("tbody tr").nth(1)).containsText("4.025");
        browser.screenshot(page, "dealer-bids-placed");

        // a non-competitive level after competitive ones: auction-core refuses it, its message next to the kind
        level(page, 1).getByLabel("Kind").selectOption("NONCOMPETITIVE");
        level(page, 1).getByLabel("Amount").fill("100000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place bids")).click();
        assertThat(level(page, 1).locator("#kind-0-error")).containsText("a bidder may bid only one kind");
        assertThat(level(page, 1).getByLabel("Kind")).hasAttribute("aria-invalid", "true");
        browser.screenshot(page, "dealer-bid-refused");

        Locator first = bids.locator("tbody tr").first();
        String bidId = first.getAttribute("data-bid");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw bid " + bidId)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Bid " + bidId + " withdrawn.");
        assertThat(page.locator("tr[data-bid='" + bidId + "']")).containsText("Withdrawn");
        assertThat(bids.locator("tbody tr").nth(1).getByRole(AriaRole.BUTTON)).hasText("Withdraw");
        browser.screenshot(page, "dealer-bid-withdrawn");
    }
}
