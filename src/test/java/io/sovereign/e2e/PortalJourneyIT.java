package io.sovereign.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.sovereign.e2e.browser.Forms.AUCTION_URL;
import static io.sovereign.e2e.browser.Forms.SLOW;
import static io.sovereign.e2e.browser.Forms.field;
import static io.sovereign.e2e.browser.Forms.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.sovereign.e2e.browser.PortalBrowser;
import io.sovereign.stack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The whole journey in the browser, as the people of the platform live it: desk1 announces a note,
 * the dealers bid through the API while desk1 watches the live book, a retail saver registers,
 * compliance1 approves the saver, the saver subscribes, desk1 closes the auction early and may not
 * publish it (four eyes), desk2 publishes, settlement mints the digital bonds, and the saver finds
 * them in the holdings page with their on-chain balance and analytics.
 * <p>
 * The saver is a fresh retail-investor user rather than the dev seed's retail1: retail1 is
 * registered and APPROVED already, and registering it again with other details would put the dev
 * user back to PENDING for every other test of the run. The screenshots of each page are saved
 * under target/screenshots/PortalJourneyIT/ (the key ones are committed in docs/screenshots/).
 */
@ExtendWith(PlatformStack.class)
class PortalJourneyIT {


    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    @Test
    void fromAnnouncementToDigitalBondsInTheSaversHoldings() {
        // desk1 announces a 10-year note through the form
        Page desk1 = browser.loginAs("desk1");
        browser.open(desk1, "/desk/announce");
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        Instant now = Instant.now();
        field(desk1, "Issue date").fill(issue.toString());
        field(desk1, "Maturity date").fill(issue.plusYears(10).toString());
        field(desk1, "Offering amount").fill("1000000000");
        field(desk1, "Bidding opens (UTC)").fill(utc(now.plusSeconds(2)));
        field(desk1, "Non-competitive bids close (UTC)").fill(utc(now.plus(Duration.ofMinutes(14))));
        field(desk1, "Competitive bids close (UTC)").fill(utc(now.plus(Duration.ofMinutes(15))));
        browser.screenshot(desk1, "1-desk-announce");
        button(desk1, "Announce").click();
        assertThat(desk1).hasURL(AUCTION_URL);
        Matcher m = AUCTION_URL.matcher(desk1.url());
        assertThat(m.matches()).isTrue();
        String auctionId = m.group(1);
        AuctionCore.awaitStatus(auctionId, "OPEN", Duration.ofSeconds(15));
        String isin = AuctionCore.as(Tokens.user("desk1")).get(AuctionCore.url("/auctions/" + auctionId)).then()
                .statusCode(200).extract().path("security.isin");

        // the dealers bid through the API; the live book follows without a reload
        List<String[]> bids = List.of(new String[] {"dealer-01", "3.100", "300000000"},
                new String[] {"dealer-02", "3.150", "400000000"}, new String[] {"dealer-03", "3.200", "500000000"});
        for (int i = 0; i < bids.size(); i++) {
            String[] b = bids.get(i);
            AuctionCore.placeBid(Tokens.dealer(b[0]), auctionId, AuctionCore.competitive(b[1], Long.parseLong(b[2])));
            assertThat(desk1.locator("#demand-curve path.curve")).hasAttribute("data-levels", String.valueOf(i + 1));
        }
        assertThat(desk1.locator("#book-cover")).hasText("1.20");
        browser.screenshot(desk1, "2-desk-live-book");

        // a saver registers in the browser (a bad wallet first, refused beside the field)
        String saverId = KeycloakUsers.create("saver", "retail-investor");
        String saver = KeycloakUsers.username(saverId);
        String wallet = FreshInvestors.freshWallet();
        String legalName = "Saver " + saver.substring(6);
        Page retail = browser.loginAs(saver);
        browser.open(retail, "/retail");
        assertThat(retail.getByTestId("kyc-status")).hasText("NOT REGISTERED");
        retail.getByLabel("Legal name").fill(legalName);
        retail.getByLabel("Country").fill("NL");
        Locator walletField = retail.getByLabel("Wallet address");
        walletField.fill(wallet.toLowerCase());
        button(retail, "Register").click();
        assertThat(retail.locator("#walletAddress-error")).containsText("is not EIP-55 checksummed");
        assertThat(walletField).hasAttribute("aria-invalid", "true");
        browser.screenshot(retail, "3-retail-register-error");
        walletField.fill(wallet);
        button(retail, "Register").click();
        assertThat(retail.getByTestId("kyc-status")).hasText("PENDING");
        browser.screenshot(retail, "4-retail-registered-pending");

        // compliance1 approves the saver with a reason
        Page compliance = browser.loginAs("compliance1");
        browser.open(compliance, "/compliance");
        assertThat(compliance.locator("tr[data-investor='" + saverId + "']")).containsText(legalName);
        compliance.getByLabel("Reason for " + legalName).fill("Passport and proof of address checked");
        browser.screenshot(compliance, "5-compliance-queue");
        button(compliance, "Approve " + legalName).click();
        assertThat(compliance.getByRole(AriaRole.STATUS)).containsText("approved");

        // the operator funds the saver's cash account; the approval travels to auction-core by Kafka
        SettlementApi.deposit(saverId, "100000.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(projectedStatus(saverId)));

        // the saver, now APPROVED, subscribes (too little first, refused beside the field)
        browser.open(retail, "/retail");
        assertThat(retail.getByTestId("kyc-status")).hasText("APPROVED");
        Locator card = retail.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("NOTE " + isin));
        Locator amount = card.getByLabel("Amount to subscribe");
        Locator subscribe = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Subscribe to " + isin));
        amount.fill("50");
        subscribe.click();
        assertThat(card.locator(".error")).containsText("must be at least the minimum bid 100");
        browser.screenshot(retail, "6-retail-subscribe-error");
        amount.fill("25000");
        subscribe.click();
        assertThat(retail).hasURL(Pattern.compile(".*/retail\\?done=subscribed.*"));
        assertThat(retail.getByRole(AriaRole.STATUS)).containsText("Your subscription was received");
        browser.screenshot(retail, "7-retail-subscribed");

        // desk1 closes early; publishing is refused to desk1 (four eyes), desk2 publishes
        browser.open(desk1, "/desk/auctions/" + auctionId);
        desk1.onceDialog(d -> d.accept());
        button(desk1, "Close early").click();
        assertThat(desk1.locator("#results")).isVisible(SLOW);
        desk1.onceDialog(d -> d.accept());
        button(desk1, "Publish").click();
        assertThat(desk1.getByRole(AriaRole.ALERT)).containsText("Four eyes");
        browser.screenshot(desk1, "8-desk-four-eyes");
        Page desk2 = browser.loginAs("desk2");
        browser.open(desk2, "/desk/auctions/" + auctionId);
        desk2.onceDialog(d -> d.accept());
        button(desk2, "Publish").click();
        assertThat(desk2.locator("#auction-status")).hasText("PUBLISHED");

        // settlement mints every award; the results page shows them SETTLED
        List<Map<String, Object>> allocations = AuctionCore.as(Tokens.user("desk2"))
                .get(AuctionCore.url("/auctions/" + auctionId + "/results")).then().statusCode(200).extract()
                .jsonPath().getList("allocations");
        long awarded = allocations.stream().filter(a -> saverId.equals(a.get("bidderId")))
                .mapToLong(a -> ((Number) a.get("accepted")).longValue()).sum();
        assertThat(awarded).isEqualTo(25_000);
        long nonZero = allocations.stream().filter(a -> ((Number) a.get("accepted")).longValue() > 0).count();
        SettlementApi.awaitFinal(auctionId, (int) nonZero, Duration.ofSeconds(90));
        assertThat(desk2.locator("#allocations .badge-settled")).hasCount((int) nonZero,
                new LocatorAssertions.HasCountOptions().setTimeout(20_000));
        browser.screenshot(desk2, "9-desk-results");

        // the saver's holdings: the balance read from the chain, equal to what the token says, with analytics
        String token = SettlementApi.awaitToken(isin);
        assertThat(Chain.balanceOf(token, wallet)).isEqualTo(25_000);
        browser.open(retail, "/retail/holdings");
        Locator row = retail.locator("tr[data-isin='" + isin + "']");
        assertThat(row.getByTestId("balance")).hasText("25000");
        assertThat(row.getByTestId("ytm")).hasText(Pattern.compile("\\d+\\.\\d{3} %"));
        assertThat(row.getByTestId("modified-duration")).hasText(Pattern.compile("\\d+\\.\\d+"));
        assertThat(row.getByTestId("convexity")).hasText(Pattern.compile("\\d+\\.\\d+"));
        assertThat(retail.getByTestId("portfolio-total")).isVisible();
        browser.screenshot(retail, "10-retail-holdings");
    }

    /** The investor's KYC status in auction-core's projection of identity's events. */
    private static String projectedStatus(String investorId) throws SQLException {
        try (Connection db = PlatformStack.database(Service.AUCTION_CORE);
                PreparedStatement ps = db.prepareStatement("select kyc_status from investor_status where investor_id = ?")) {
            ps.setString(1, investorId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
