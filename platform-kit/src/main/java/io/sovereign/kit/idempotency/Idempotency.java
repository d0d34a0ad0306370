package io.sovereign.kit.idempotency;

import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} of a creating POST (API.md): the same caller, scope and key with
 * the same request get the original response; with another request, 422. A request and its key
 * are written in the same transaction as what the request created, so a key is remembered exactly
 * when its effect is.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final EntityManager em;

    public Idempotency(EntityManager em) {
        this.em = em;
    }

    /** A remembered response. */
    public record Stored(int status, String body) {
    }

    /** Refuses a blank or oversized key with 400 naming the header. Null means "no key sent". */
    public static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw ProblemException.badRequest(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** SHA-256 hex of a request's canonical form. */
    public static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serialises requests with the same key until the transaction ends, then looks the key up:
     * the original response, empty if the key is new, or 422 if it came with another request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> claim(String caller, String scope, String key, String requestHash) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", caller + '\n' + scope + '\n' + key).getSingleResult();
        return lookup(caller, scope, key, requestHash);
    }

    /** The key's original response, empty if new, 422 if it came with another request (no lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> lookup(String caller, String scope, String key, String requestHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, response from idempotency_key "
                + "where caller = :c and scope = :s and idem_key = :k")
                .setParameter("c", caller).setParameter("s", scope).setParameter("k", key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw ProblemException.keyReused("The Idempotency-Key " + key
                    + " was used before with a different request; use a new key for a new request");
        }
        return Optional.of(new Stored(((Number) row[1]).intValue(), (String) row[2]));
    }

    /** A key as its caller sent it for one scope (e.g. the bids of one auction). */
    public record KeyRef(String caller, String scope, String key) {
    }

    /** Remembers the response of a request in the transaction that carried out its effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String caller, String scope, String key, String requestHash, int status, String body) {
        em.createNativeQuery("insert into idempotency_key (caller, scope, idem_key, request_hash, status, response, "
                + "created_at) values (:c, :s, :k, :h, :st, :b, :at)")
                .setParameter("c", caller).setParameter("s", scope).setParameter("k", key)
                .setParameter("h", requestHash).setParameter("st", status).setParameter("b", body)
                .setParameter("at", Instant.now()).executeUpdate();
    }
}
