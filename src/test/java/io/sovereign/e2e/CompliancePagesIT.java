package io.sovereign.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.sovereign.e2e.browser.PortalBrowser;
import io.sovereign.stack.Service;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Keys;

/** A new user registers with identity; compliance1 finds it in the KYC queue and approves it with a reason. */
@ExtendWith(PlatformStack.class)
class CompliancePagesIT {

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    private static String investors(String path) {
        return PlatformStack.url(Service.IDENTITY) + "/api/v1/investors" + path;
    }

    @Test
    void complianceApprovesAFreshRegistrationWithAReason() {
        String id = KeycloakUsers.create("kyc", "retail-investor");
        String username = KeycloakUsers.username(id);
        byte[] address = new byte[20];
        new SecureRandom().nextBytes(address);
        String wallet = Keys.toChecksumAddress(HexFormat.of().formatHex(address));
        String legalName = "Kyc " + username.substring(4) + " Saver";
        given().auth().oauth2(Tokens.user(username)).contentType("application/json")
                .body(Map.of("legalName", legalName, "country", "NL", "walletAddress", wallet))
                .put(investors("/me")).then().statusCode(200);

        Page page = browser.loginAs("compliance1");
        browser.open(page, "/compliance");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("KYC queue");
        Locator row = page.locator("tr[data-investor='" + id + "']");
        assertThat(row).containsText(legalName);
        assertThat(row).containsText(wallet);
        assertThat(row.locator(".badge")).hasText("PENDING");
        browser.screenshot(page, "compliance-queue");

        // a reason of blanks passes the browser's "required" but not the portal: the message is beside the field
        Locator reason = page.getByLabel("Reason for " + legalName);
        reason.fill("   ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve " + legalName)).click();
        assertThat(reason).hasAttribute("aria-invalid", "true");
        assertThat(row.locator(".error")).hasText("A reason is required for every KYC decision");
        browser.screenshot(page, "compliance-reason-error");

        page.getByLabel("Reason for " + legalName).fill("Passport and proof of address checked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve " + legalName)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                "Investor " + id + ": approved. The decision and its reason are recorded.");
        assertThat(page.locator("tr[data-investor='" + id + "']")).hasCount(0);
        browser.screenshot(page, "compliance-approved");

        List<Map<String, Object>> approved = given().auth().oauth2(Tokens.user("compliance1"))
                .queryParam("kycStatus", "APPROVED").get(investors("")).then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(approved).anySatisfy(i -> assertThat(i).containsEntry("investorId", id));
        List<Map<String, Object>> history = given().auth().oauth2(Tokens.user("compliance1"))
                .get(investors("/" + id + "/kyc")).then().statusCode(200).extract().jsonPath().getList("");
        assertThat(history).anySatisfy(d -> assertThat(d).containsValue("Passport and proof of address checked"));

        // the approved filter lists it
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("approved").setExact(true)).click();
        assertThat(page.locator("tr[data-investor='" + id + "'] .badge")).hasText("APPROVED");
    }
}
