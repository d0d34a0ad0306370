package io.sovereign.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.sovereign.stack.Service;

/**
 * Retail investors of their own for tests that change an investor's state (suspension) or need one
 * without cash: a new Keycloak user registers with identity and compliance1 decides.
 */
final class FreshInvestors {

    /** An investor: id (the token subject), user name and wallet. */
    record Investor(String investorId, String username, String wallet) {

        String token() {
            return Tokens.user(username);
        }
    }

    private FreshInvestors() {
    }

    private static String investors(String path) {
        return PlatformStack.url(Service.IDENTITY) + "/api/v1/investors" + path;
    }

    /** A new retail investor with {@code wallet} (an unused Hardhat account), APPROVED by compliance1. */
    static Investor approved(String prefix, String wallet) {
        String id = KeycloakUsers.create(prefix, "retail-investor");
        Investor investor = new Investor(id, KeycloakUsers.username(id), wallet);
        given().auth().oauth2(investor.token()).contentType("application/json")
                .body("{\"legalName\": \"%s Saver\", \"country\": \"FR\", \"walletAddress\": \"%s\"}".formatted(prefix, wallet))
                .put(investors("/me")).then().statusCode(200);
        decide(investor, "APPROVED", "documents verified");
        return investor;
    }

    /**
     * Gives a dev dealer person (trader1: a primary-dealer user with no investor record in the dev
     * seed) an APPROVED investor record, as a real dealer would get one: it registers a wallet
     * with identity and compliance1 approves. Then waits until auction-core has the approval: a bid
     * it can never store (amount 1) is no longer refused 403. Does nothing left to do twice.
     */
    static void approvedDealerPerson(String username, String anyAuctionId) {
        String token = Tokens.user(username);
        io.restassured.response.Response me = given().auth().oauth2(token).get(investors("/me"));
        String investorId;
        if (me.statusCode() == 404) {
            String wallet = freshWallet();
            investorId = given().auth().oauth2(token).contentType("application/json")
                    .body("{\"legalName\": \"%s Dealer Desk\", \"country\": \"GB\", \"walletAddress\": \"%s\"}"
                            .formatted(username, wallet)).put(investors("/me")).then().statusCode(200)
                    .extract().path("investorId");
            decide(new Investor(investorId, username, wallet), "APPROVED", "dealer agreement signed");
        } else if (!"APPROVED".equals(me.then().statusCode(200).extract().path("kycStatus"))) {
            investorId = me.path("investorId");
            decide(new Investor(investorId, username, me.path("walletAddress")), "APPROVED", "dealer agreement signed");
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> AuctionCore.bid(
                Tokens.user(username), anyAuctionId, AuctionCore.competitive("4.010", 1)).statusCode() != 403);
    }

    /** A new EIP-55 checksummed wallet of its own (wallets are unique in the register). */
    static String freshWallet() {
        try {
            return org.web3j.crypto.Keys.toChecksumAddress(org.web3j.crypto.Credentials
                    .create(org.web3j.crypto.Keys.createEcKeyPair()).getAddress());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** compliance1's decision on the investor. */
    static void decide(Investor investor, String decision, String reason) {
        given().auth().oauth2(Tokens.user("compliance1")).contentType("application/json")
                .body("{\"decision\": \"%s\", \"reason\": \"%s\"}".formatted(decision, reason))
                .post(investors("/" + investor.investorId() + "/kyc")).then().statusCode(200)
                .body("outcome", equalTo(decision));
    }
}
