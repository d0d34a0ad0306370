package io.sovereign.settlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * The double-entry cash ledger. A journal is posted once (its id is the idempotency key: a
 * settlement's journal is "settle:&lt;allocationId&gt;"), and its entries always sum to zero. A
 * positive amount debits an account, a negative one credits it; an investor's cash is what the
 * platform owes it, so its balance is credits minus debits.
 */
@ApplicationScoped
public class CashLedger {

    /** Where deposits come from (the settlement bank's account at the platform). */
    public static final String SETTLEMENT_BANK = "settlement-bank";

    private final EntityManager em;

    public CashLedger(EntityManager em) {
        this.em = em;
    }

    public static String investorAccount(String investorId) {
        return "investor:" + investorId;
    }

    public static String issuerAccount(String isin) {
        return "issuer:" + isin;
    }

    /** One line of an investor's statement: positive money in, negative money out. */
    public record Movement(String journalId, String kind, String description, BigDecimal amount, Instant at) {
    }

    /** A journal to post: its id (the idempotency key), kind, description and entries. */
    public record Journal(String journalId, String kind, String description, Map<String, BigDecimal> entries) {

        public Journal {
            BigDecimal sum = entries.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.signum() != 0) {
                throw new IllegalArgumentException("Journal " + journalId + " does not balance: " + entries);
            }
        }
    }

    /**
     * Posts a journal once: false (and nothing written) if a journal with this id exists.
     *
     * @param entries account → amount (debit positive, credit negative), summing to zero
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean post(String journalId, String kind, String description, Map<String, BigDecimal> entries) {
        return !postAll(List.of(new Journal(journalId, kind, description, entries))).isEmpty();
    }

    /**
     * Posts journals, each once, in JDBC batches (a settlement run posts hundreds); the ids of those
     * posted now (a journal whose id exists is left as it is, its entries not written again).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> postAll(List<Journal> journals) {
        Timestamp now = Timestamp.from(Instant.now());
        Set<String> posted = new HashSet<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into cash_journal (journal_id, kind, description, "
                    + "created_at) values (?, ?, ?, ?) on conflict (journal_id) do nothing")) {
                for (Journal j : journals) {
                    ps.setString(1, j.journalId());
                    ps.setString(2, j.kind());
                    ps.setString(3, j.description());
                    ps.setTimestamp(4, now);
                    ps.addBatch();
                }
                int[] inserted = ps.executeBatch();
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] != 0) {
                        posted.add(journals.get(i).journalId());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into cash_entry (journal_id, account, amount, created_at) "
                    + "values (?, ?, ?, ?)")) {
                for (Journal j : journals) {
                    if (!posted.contains(j.journalId())) {
                        continue;
                    }
                    for (Map.Entry<String, BigDecimal> e : j.entries().entrySet()) {
                        ps.setString(1, j.journalId());
                        ps.setString(2, e.getKey());
                        ps.setBigDecimal(3, e.getValue());
                        ps.setTimestamp(4, now);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        return posted;
    }

    /** Moves {@code amount} from one investor's cash to another account (e.g. the issuer's). */
    public static Map<String, BigDecimal> transfer(String from, String to, BigDecimal amount) {
        Map<String, BigDecimal> entries = new LinkedHashMap<>();
        entries.put(from, amount);
        entries.put(to, amount.negate());
        return entries;
    }

    /** Credits minus debits of an account (what an investor has available), 2 decimals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BigDecimal available(String account) {
        BigDecimal sum = (BigDecimal) em.createNativeQuery("select coalesce(sum(amount), 0) from cash_entry where account = ?1")
                .setParameter(1, account).getSingleResult();
        return sum.negate().setScale(2);
    }

    /** Serialises postings to one account until the transaction ends (check-then-debit stays correct). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String account) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 7))").setParameter(1, account)
                .getSingleResult();
    }

    /** An account's movements, oldest first, from its holder's side (credits positive). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Movement> movements(String account) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select j.journal_id, j.kind, j.description, e.amount, e.created_at "
                + "from cash_entry e join cash_journal j on j.journal_id = e.journal_id where e.account = ?1 order by e.entry_id")
                .setParameter(1, account).getResultList();
        return rows.stream().map(r -> new Movement((String) r[0], (String) r[1], (String) r[2],
                ((BigDecimal) r[3]).negate(), Timestamps.instant(r[4])))
                .toList();
    }
}
