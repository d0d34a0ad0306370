package io.sovereign.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sovereign.e2e.browser.PortalBrowser;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retail pages in a browser: a first-time investor registers (a wallet without its EIP-55
 * checksum is refused next to the field, then the record is PENDING); retail1 subscribes (too small
 * an amount refused next to the field, then accepted with a receipt), and once the auction is
 * published and settled sees the digital bonds on chain in its holdings with the analytics.
 */
@ExtendWith(PlatformStack.class)
class RetailPagesIT {

    /** retail1's wallet in the dev seed (Hardhat account #4). */
    private static final String RETAIL1_WALLET = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    @Test
    void aFirstTimeInvestorRegistersAndIsPendingReview() {
        // a user of its own rather than retail2: other tests rely on retail2 having no record
        String username = KeycloakUsers.username(KeycloakUsers.create("saver", "retail-investor"));
        Page page = browser.loginAs(username);
        browser.open(page, "/retail");
        assertThat(page.getByTestId("kyc-status")).hasText("NOT REGISTERED");
        assertThat(page.getByText("You have not registered yet")).isVisible();

        String wallet = FreshInvestors.freshWallet();
        Locator walletField = page.getByLabel("Wallet address");
        page.getByLabel("Legal name").fill("Ada Saver");
        page.getByLabel("Country").fill("DE");
        // checked in the page before anything is sent
        walletField.fill("0x1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("#walletAddress-error")).hasText("A wallet address is 0x followed by 40 hexadecimal characters.");
        assertThat(walletField).hasAttribute("aria-invalid", "true");
        // the right shape without its checksum: identity refuses it, the message is next to the field
        walletField.fill(wallet.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("#walletAddress-error")).containsText("is not EIP-55 checksummed");
        assertThat(page.locator("#walletAddress-error")).containsText(wallet);
        assertThat(walletField).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Legal name")).hasValue("Ada Saver");
        browser.screenshot(page, "retail-register-bad-wallet");

        walletField.fill(wallet);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page).hasURL(PortalBrowser.url("/retail?done=profile"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your investor record was saved");
        assertThat(page.getByTestId("kyc-status")).hasText("PENDING");
        assertThat(page.locator("#kyc-explanation")).containsText("waits for a compliance officer's review");
        assertThat(walletField).hasValue(wallet);
        browser.screenshot(page, "retail-register-pending");
    }

    @Test
    void retail1SubscribesAndAfterSettlementHoldsTheBondsWithAnalytics() {
        LocalDate issue = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        AuctionDriver.Auction a = AuctionDriver.announceNote(issue, issue.plusYears(10), 10_000_000);
        Page page = browser.loginAs("retail1");
        browser.open(page, "/retail");
        assertThat(page.getByTestId("kyc-status")).hasText("APPROVED");
        Locator card = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("NOTE " + a.isin()));
        Locator amount = card.getByLabel("Amount to subscribe");
        Locator subscribe = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Subscribe to " + a.isin()));
        assertThat(card.getByTestId("indicative-price")).isVisible();

        amount.fill("50");
        subscribe.click();
        assertThat(card.locator(".error")).containsText("must be at least the minimum bid 100");
        assertThat(amount).hasAttribute("aria-invalid", "true");
        browser.screenshot(page, "retail-subscribe-too-small");

        amount.fill("5000");
        subscribe.click();
        assertThat(page).hasURL(Pattern.compile(".*/retail\\?done=subscribed.*"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your subscription was received");
        Locator mine = page.locator("#subscriptions tr", new Page.LocatorOptions().setHasText(a.isin()));
        assertThat(mine).containsText("5000");
        assertThat(mine.locator("code.receipt")).hasText(Pattern.compile("[0-9a-f]{64}"));
        browser.screenshot(page, "retail-subscribed");

        AuctionDriver.bid(a, List.of(AuctionDriver.Bid.competitive(Tokens.dealer("dealer-01"), "4.010", 3_000_000),
                AuctionDriver.Bid.competitive(Tokens.dealer("dealer-02"), "4.020", 3_000_000)), 2);
        AuctionDriver.close(a);
        List<AuctionDriver.Award> awards = AuctionDriver.publish(a);
        assertThat(SettlementApi.awaitFinal(a.id(), awards.size(), Duration.ofSeconds(90)).values())
                .allSatisfy(i -> assertThat(i.status()).isEqualTo("SETTLED"));
        String highRate = given().auth().oauth2(Tokens.user("desk1")).get(AuctionDriver.url("/auctions/" + a.id() + "/results"))
                .then().statusCode(200).extract().path("highRate");
        assertThat(Chain.balanceOf(SettlementApi.awaitToken(a.isin()), RETAIL1_WALLET)).isEqualTo(5_000);

        browser.open(page, "/retail");
        assertThat(mine.locator("td").nth(4)).hasText("5000");

        browser.open(page, "/retail/holdings");
        Locator row = page.locator("tr[data-isin='" + a.isin() + "']");
        assertThat(row.getByTestId("balance")).hasText("5000");
        // valued on the issue date at the award price: the yield is the auction's high yield
        assertThat(row.getByTestId("ytm")).hasText(highRate + " %");
        assertThat(row.getByTestId("modified-duration")).hasText(Pattern.compile("\\d+\\.\\d{4}"));
        assertThat(row.getByTestId("convexity")).hasText(Pattern.compile("\\d+\\.\\d{2}"));
        assertThat(row).containsText("your award price");
        assertThat(page.getByTestId("portfolio-total")).containsText("%");
        browser.screenshot(page, "retail-holdings");
    }
}
