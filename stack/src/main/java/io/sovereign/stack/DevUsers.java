package io.sovereign.stack;

import java.util.List;
import java.util.Map;

/** The dev realm's people and dealer systems (API.md); passwords are the user name + "-pw". */
public final class DevUsers {

    public record User(String username, String roles) {
        public String password() {
            return username + "-pw";
        }
    }

    public static final List<User> PEOPLE = List.of(
            new User("desk1", "auction-desk"),
            new User("desk2", "auction-desk, auction-supervisor"),
            new User("compliance1", "compliance-officer"),
            new User("operator1", "settlement-operator"),
            new User("auditor1", "auditor"),
            new User("retail1", "retail-investor (APPROVED investor, wallet = Hardhat account #4)"),
            new User("retail2", "retail-investor (no investor record)"),
            new User("trader1", "primary-dealer (a dealer person for the portal; no investor record: bids need an APPROVED one)"));

    /**
     * The dev TOTP secrets of the privileged people (the realm's OTP credentials): the key is the
     * secret's bytes; authenticator apps take their Base32 form. Asked for at browser login only
     * with MFA on ({@code ./platform up --mfa}).
     */
    public static final Map<String, String> TOTP_SECRETS = Map.of(
            "desk2", "desk2-dev-totp-seed1",
            "compliance1", "compliance1-dev-totp",
            "operator1", "operator1-dev-totp-1");

    public static final List<String> DEALERS = List.of("dealer-01", "dealer-02", "dealer-03");

    private DevUsers() {
    }

    public static String dealerSecret(String clientId) {
        return clientId + "-secret";
    }
}
