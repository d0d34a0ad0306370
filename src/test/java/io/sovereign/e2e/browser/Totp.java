package io.sovereign.e2e.browser;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords as the realm's OTP policy makes them: HmacSHA1, 6 digits, 30 s. */
final class Totp {

    static final int PERIOD_SECONDS = 30;

    private Totp() {
    }

    /** The code of the 30-second step containing {@code at}, for a secret stored as Keycloak stores it (its bytes). */
    static String code(String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / PERIOD_SECONDS).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds left in the current step: a code typed with less than a few left may expire on the way. */
    static long secondsLeft(Instant at) {
        return PERIOD_SECONDS - at.getEpochSecond() % PERIOD_SECONDS;
    }
}
