package io.sovereign.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.sovereign.e2e.browser.Forms.AUCTION_URL;
import static io.sovereign.e2e.browser.Forms.SLOW;
import static io.sovereign.e2e.browser.Forms.field;
import static io.sovereign.e2e.browser.Forms.utc;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import io.sovereign.e2e.browser.PortalBrowser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk's journey in the browser: desk1 announces through the form (a refused field first), the
 * live book's chart moves when dealers bid through the API, desk1 closes early, desk1's publish is
 * refused by the four-eyes rule, desk2 publishes, the results page shows the statistics, the chart,
 * the allocations with their settlement and the CSV download.
 */
@ExtendWith(PlatformStack.class)
class DeskPagesIT {


    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    @Test
    void theDeskAnnouncesWatchesTheBookClosesAndASecondSupervisorPublishes() throws IOException {
        Page desk1 = browser.loginAs("desk1");
        browser.open(desk1, "/desk");
        assertThat(desk1.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Auction calendar");
        browser.screenshot(desk1, "desk-calendar");
        desk1.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Announce an auction")).click();
        assertThat(desk1.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Announce an auction");
        // the defaults the API applies are on the form
        assertThat(field(desk1, "Maximum award ratio")).hasValue("0.35");
        assertThat(field(desk1, "Minimum bid")).hasValue("100");

        // a maturity before the issue date: auction-core refuses, the message stands beside the field
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        field(desk1, "Issue date").fill(issue.toString());
        field(desk1, "Maturity date").fill(issue.minusYears(1).toString());
        desk1.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Announce")).click();
        assertThat(desk1.locator("#maturityDate-error")).hasText("must be after the issue date");
        assertThat(field(desk1, "Maturity date")).hasAttribute("aria-invalid", "true");
        assertThat(field(desk1, "Maturity date")).hasAttribute("aria-describedby", Pattern.compile("maturityDate-error"));
        browser.screenshot(desk1, "desk-announce-error");

        // corrected: a 10-year note opening now, closing in ten minutes
        Instant now = Instant.now();
        field(desk1, "Maturity date").fill(issue.plusYears(10).toString());
        field(desk1, "Offering amount").fill("1000000000");
        field(desk1, "Bidding opens (UTC)").fill(utc(now.plusSeconds(2)));
        field(desk1, "Non-competitive bids close (UTC)").fill(utc(now.plus(Duration.ofMinutes(9))));
        field(desk1, "Competitive bids close (UTC)").fill(utc(now.plus(Duration.ofMinutes(10))));
        desk1.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Announce")).click();
        assertThat(desk1).hasURL(AUCTION_URL);
        Matcher m = AUCTION_URL.matcher(desk1.url());
        assertThat(m.matches()).isTrue();
        String auctionId = m.group(1);
        assertThat(desk1.getByRole(AriaRole.STATUS).first()).hasText("Auction announced.");
        JsonPath terms = AuctionCore.as(Tokens.user("desk1")).get(AuctionCore.url("/auctions/" + auctionId))
                .then().statusCode(200).extract().jsonPath();
        assertThat(terms.getString("createdBy")).isEqualTo("desk1");
        assertThat(terms.getString("security.maturityDate")).isEqualTo(issue.plusYears(10).toString());
        AuctionCore.awaitStatus(auctionId, "OPEN", Duration.ofSeconds(15));

        // the live book: each dealer's bid through the API moves the chart without a reload
        Locator curve = desk1.locator("#demand-curve path.curve");
        Locator cover = desk1.locator("#book-cover");
        List<String[]> bids = List.of(new String[] {"dealer-01", "3.100", "300000000"},
                new String[] {"dealer-02", "3.150", "400000000"}, new String[] {"dealer-03", "3.200", "500000000"});
        for (int i = 0; i < bids.size(); i++) {
            String[] b = bids.get(i);
            AuctionCore.placeBid(Tokens.dealer(b[0]), auctionId, AuctionCore.competitive(b[1], Long.parseLong(b[2])));
            assertThat(curve).hasAttribute("data-levels", String.valueOf(i + 1));
        }
        assertThat(cover).hasText("1.20");
        assertThat(desk1.locator("#auction-status")).hasText("OPEN");
        assertThat(desk1.locator("#book-tendered")).hasText("1,200,000,000");
        assertThat(desk1.locator("#demand-curve line.offering")).hasCount(1);
        assertThat(desk1.locator("[data-testid=countdown-competitive] strong")).hasText(Pattern.compile("\\d+ min \\d+ s"));
        browser.screenshot(desk1, "desk-live-book");

        // close early, after the confirmation
        desk1.onceDialog(d -> d.accept());
        desk1.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close early")).click();
        assertThat(desk1.locator("#results")).isVisible(SLOW);
        assertThat(desk1.locator("#auction-status")).hasText("ALLOCATED");

        // desk1 announced it: publishing is refused, and the page says why
        desk1.onceDialog(d -> d.accept());
        desk1.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(desk1.getByRole(AriaRole.ALERT)).containsText(
                "Four eyes: you announced this auction, so another supervisor must publish it.");
        assertThat(AuctionCore.status(auctionId)).isEqualTo("ALLOCATED");
        browser.screenshot(desk1, "desk-four-eyes");

        // desk2, a supervisor who did not announce it, publishes
        Page desk2 = browser.loginAs("desk2");
        browser.open(desk2, "/desk/auctions/" + auctionId);
        desk2.onceDialog(d -> d.accept());
        desk2.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(desk2.getByRole(AriaRole.STATUS).first()).hasText(
                "Results published; the allocations are on their way to settlement.");
        assertThat(desk2.locator("#auction-status")).hasText("PUBLISHED");

        // the results as auction-core has them, exactly
        JsonPath results = AuctionCore.as(Tokens.user("desk2")).get(AuctionCore.url("/auctions/" + auctionId + "/results"))
                .then().statusCode(200).extract().jsonPath();
        for (String stat : List.of("highRate", "lowRate", "medianRate", "price", "couponRate", "allotmentPercentage",
                "bidToCover")) {
            assertThat(desk2.locator("[data-stat=" + stat + "]")).hasText(results.getString(stat));
        }
        assertThat(desk2.locator("[data-stat=highRate]")).hasText("3.200");
        assertThat(desk2.locator("#bids-chart rect[data-state=ACCEPTED]")).hasCount(2);
        assertThat(desk2.locator("#bids-chart rect[data-state=STOP_OUT]")).hasCount(1);
        assertThat(desk2.locator("#bids-chart line.stopout")).hasCount(1);
        List<Map<String, Object>> allocations = results.getList("allocations");
        assertThat(desk2.locator("#allocations tbody tr")).hasCount(allocations.size());

        // settlement: every award SETTLED in the table (the page looks again while any is pending)
        SettlementApi.awaitFinal(auctionId, allocations.size(), Duration.ofSeconds(60));
        assertThat(desk2.locator("#allocations .badge-settled")).hasCount(allocations.size(),
                new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        assertThat(desk2.locator("#allocations .badge-pending")).hasCount(0);
        // the publication reached settlement: not flagged, settlement's own account of it on the page
        assertThat(desk2.locator("#settlement-reach")).hasAttribute("data-flagged", "false");
        assertThat(desk2.locator("#settlement-reach")).containsText("booked " + allocations.stream()
                .filter(x -> ((Number) x.get("accepted")).longValue() > 0).count() + " settlement instruction(s)");
        browser.screenshot(desk2, "desk-results");

        // the CSV: a header, then each allocation with the API's decimals and its settlement
        Download download = desk2.waitForDownload(() -> desk2.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download the allocations as CSV")).click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "allocationId,bidId,bidderId,kind,accepted,price,settlementStatus,settlementReason,txHash");
        assertThat(lines).hasSize(allocations.size() + 1);
        Map<String, SettlementApi.Instruction> instructions = SettlementApi.instructions(auctionId);
        for (Map<String, Object> a : allocations) {
            String id = (String) a.get("allocationId");
            assertThat(lines).contains(String.join(",", id, (String) a.get("bidId"), (String) a.get("bidderId"),
                    (String) a.get("kind"), String.valueOf(a.get("accepted")), (String) a.get("price"), "SETTLED", "",
                    instructions.get(id).txHash()));
        }
        assertThat(download.suggestedFilename()).isEqualTo("auction-" + auctionId + "-results.csv");
    }

    @Test
    void aDealerOpeningTheDeskGetsTheForbiddenPage() {
        Page page = browser.loginAs("trader1");
        assertThat(browser.open(page, "/desk/announce").status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You cannot open this page");
    }
}
