package io.sovereign.settlement.chain;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;

/**
 * How the platform's identifiers are written on chain. Ids are keccak256 of their UTF-8 text: the
 * same id always gives the same 32 bytes, anyone who knows an allocation id can look it up, and no
 * personal data (an investor's id) is readable on chain.
 */
public final class OnChainIds {

    private OnChainIds() {
    }

    public static byte[] allocationId(String allocationId) {
        return keccak(allocationId, "allocation id");
    }

    public static byte[] investorId(String investorId) {
        return keccak(investorId, "investor id");
    }

    /** An ISO 3166-1 alpha-2 code as the registry's {@code bytes2}: "DE" is 0x4445. */
    public static byte[] country(String alpha2) {
        if (alpha2 == null || !alpha2.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, not " + alpha2);
        }
        return alpha2.getBytes(StandardCharsets.US_ASCII);
    }

    static String country(byte[] bytes2) {
        return new String(bytes2, StandardCharsets.US_ASCII);
    }

    private static byte[] keccak(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return Hash.sha3(id.getBytes(StandardCharsets.UTF_8));
    }
}
