package io.sovereign.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * An EVM wallet address in its EIP-55 checksummed form: the case of each letter is the checksum,
 * so a mis-typed address is caught before bonds are sent to it.
 */
public final class WalletAddress {

    private static final Pattern SHAPE = Pattern.compile("0x[0-9a-fA-F]{40}");

    private WalletAddress() {
    }

    /** Why {@code address} is not an acceptable wallet, or empty if it is one. */
    public static Optional<String> problem(String address) {
        if (address == null || !SHAPE.matcher(address).matches()) {
            return Optional.of("must be a 0x address of 40 hexadecimal digits");
        }
        String expected = checksummed(address);
        if (!expected.equals(address)) {
            return Optional.of("is not EIP-55 checksummed (the letters' case is its checksum); the checksummed form is "
                    + expected);
        }
        return Optional.empty();
    }

    /** The EIP-55 form of a 0x address: hex letters upper-cased where the Keccak-256 nibble is 8 or more. */
    public static String checksummed(String address) {
        String hex = address.substring(2).toLowerCase(java.util.Locale.ROOT);
        byte[] hash = keccak256(hex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            out.append(Character.isLetter(c) && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static byte[] keccak256(byte[] input) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
