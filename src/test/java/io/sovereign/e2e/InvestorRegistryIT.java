package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.sovereign.events.CloudEvent;
import io.sovereign.events.EventCodec;
import io.sovereign.events.InvestorApproved;
import io.sovereign.events.PlatformEvent;
import io.sovereign.events.Topics;
import io.sovereign.stack.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The investor register and KYC: registration, validation, four-eyes decisions, sanctions, events. */
@ExtendWith(PlatformStack.class)
class InvestorRegistryIT {

    /** Hardhat accounts #5 to #7: wallets no dev investor uses. */
    private static final String WALLET_5 = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
    private static final String WALLET_6 = "0x976EA74026E726554dB657fA54763abd0C3a0aa9";
    private static final String WALLET_7 = "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955";

    private static String investors(String path) {
        return PlatformStack.url(Service.IDENTITY) + "/api/v1/investors" + path;
    }

    private static String register(String name, String country, String wallet) {
        return """
                {"legalName": "%s", "country": "%s", "walletAddress": "%s"}""".formatted(name, country, wallet);
    }

    @Test
    void aRetailSaverRegistersIsApprovedOnceAndTheApprovalIsAnnouncedExactlyOnce() {
        String id = KeycloakUsers.create("saver", "retail-investor");
        String saver = Tokens.user(KeycloakUsers.username(id));
        String body = register("Ada Saver", "FR", WALLET_5);

        given().auth().oauth2(saver).contentType("application/json").body(body).put(investors("/me"))
                .then().statusCode(200)
                .body("investorId", equalTo(id))
                .body("investorType", equalTo("RETAIL"))
                .body("kycStatus", equalTo("PENDING"))
                .body("walletAddress", equalTo(WALLET_5));
        // an identical PUT changes nothing
        given().auth().oauth2(saver).contentType("application/json").body(body).put(investors("/me"))
                .then().statusCode(200).body("kycStatus", equalTo("PENDING"));
        given().auth().oauth2(Tokens.user("compliance1")).get(investors("?kycStatus=PENDING"))
                .then().statusCode(200).body("investorId", hasItem(id));

        // only a compliance officer decides, with a reason
        String approve = "{\"decision\": \"APPROVED\", \"reason\": \"documents verified\"}";
        given().auth().oauth2(Tokens.user("desk1")).contentType("application/json").body(approve)
                .post(investors("/" + id + "/kyc")).then().statusCode(403);
        given().auth().oauth2(Tokens.user("compliance1")).contentType("application/json")
                .body("{\"decision\": \"APPROVED\"}").post(investors("/" + id + "/kyc"))
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(Tokens.user("compliance1")).contentType("application/json").body(approve)
                .post(investors("/" + id + "/kyc")).then().statusCode(200)
                .body("outcome", equalTo("APPROVED")).body("decidedBy", equalTo("compliance1"));
        given().auth().oauth2(saver).get(investors("/me")).then().statusCode(200)
                .body("kycStatus", equalTo("APPROVED"));

        // the approval is on identity.events.v1, keyed by the investor, once
        List<CloudEvent<PlatformEvent>> approvals = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            approvals.clear();
            approvals.addAll(events(id, "InvestorApproved"));
            return !approvals.isEmpty();
        });
        assertThat(approvals).hasSize(1);
        assertThat(approvals.get(0).data()).isInstanceOfSatisfying(InvestorApproved.class, e -> {
            assertThat(e.walletAddress()).isEqualTo(WALLET_5);
            assertThat(e.country()).isEqualTo("FR");
            assertThat(e.investorType()).isEqualTo("RETAIL");
        });
        assertThat(events(id, "WalletRegistered")).hasSize(1);

        // auditors read the history; the desk does not
        given().auth().oauth2(Tokens.user("auditor1")).get(investors("/" + id + "/kyc")).then().statusCode(200)
                .body("[0].requestedDecision", equalTo("APPROVED"))
                .body("[0].reason", equalTo("documents verified"));
        given().auth().oauth2(Tokens.user("desk1")).get(investors("/" + id + "/kyc")).then().statusCode(403);
    }

    @Test
    void anApprovalOfASanctionedCountryBecomesARejectionWithTheReason() {
        String id = KeycloakUsers.create("sanctioned", "retail-investor");
        String token = Tokens.user(KeycloakUsers.username(id));
        given().auth().oauth2(token).contentType("application/json").body(register("Kim", "KP", WALLET_6))
                .put(investors("/me")).then().statusCode(200);
        given().auth().oauth2(Tokens.user("compliance1")).contentType("application/json")
                .body("{\"decision\": \"APPROVED\", \"reason\": \"looks fine\"}").post(investors("/" + id + "/kyc"))
                .then().statusCode(200)
                .body("requestedDecision", equalTo("APPROVED"))
                .body("outcome", equalTo("REJECTED"))
                .body("reason", containsString("Sanctioned country KP"));
        given().auth().oauth2(token).get(investors("/me")).then().body("kycStatus", equalTo("REJECTED"));
    }

    @Test
    void aComplianceOfficerMayNotDecideOnTheirOwnRecord() {
        String id = KeycloakUsers.create("officer", "compliance-officer", "retail-investor");
        String token = Tokens.user(KeycloakUsers.username(id));
        given().auth().oauth2(token).contentType("application/json").body(register("Olga Officer", "DE", WALLET_7))
                .put(investors("/me")).then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"decision\": \"APPROVED\", \"reason\": \"it is me\"}").post(investors("/" + id + "/kyc"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("A compliance officer may not decide on their own investor record"));
        given().auth().oauth2(token).get(investors("/me")).then().body("kycStatus", equalTo("PENDING"));
    }

    @Test
    void badCountriesMisCasedWalletsAndSharedWalletsAreRefused() {
        String id = KeycloakUsers.create("typo", "retail-investor");
        String token = Tokens.user(KeycloakUsers.username(id));
        given().auth().oauth2(token).contentType("application/json")
                .body(register("Tim Typo", "XX", WALLET_5.toLowerCase())).put(investors("/me"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'country' }.message", containsString("ISO 3166"))
                .body("errors.find { it.field == 'walletAddress' }.message",
                        containsString("not EIP-55 checksummed"))
                .body("errors.find { it.field == 'walletAddress' }.message", containsString(WALLET_5));
        // dealer-01's wallet belongs to dealer-01
        given().auth().oauth2(token).contentType("application/json")
                .body(register("Tim Typo", "GB", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))
                .put(investors("/me")).then().statusCode(409);
        given().auth().oauth2(token).get(investors("/me")).then().statusCode(404);
        given().auth().oauth2(Tokens.user("compliance1")).contentType("application/json")
                .body("{\"decision\": \"APPROVED\", \"reason\": \"x\"}").post(investors("/nobody/kyc"))
                .then().statusCode(404);
    }

    private static List<CloudEvent<PlatformEvent>> events(String key, String type) {
        List<CloudEvent<PlatformEvent>> found = new ArrayList<>();
        for (var r : TopicRecords.all(Topics.IDENTITY_EVENTS)) {
            CloudEvent<PlatformEvent> e = EventCodec.read(r.value());
            if (key.equals(r.key()) && type.equals(e.type())) {
                found.add(e);
            }
        }
        return found;
    }
}
