package io.sovereign.loadgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After the run: what each dealer's GET /bids returns, against what the load generator was told.
 * Every acknowledged bid (201) must be stored exactly once with the rate and amount sent. A stored
 * bid that was never acknowledged is explained only by a request whose outcome the client could
 * not know (no answer, timeout, 5xx) for the same dealer, rate and amount; each such request
 * explains at most one stored bid.
 */
final class Durability {

    private static final java.util.regex.Pattern MICROS =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");

    long acknowledged;
    long stored;
    /** Acknowledged, and stored exactly once with the content sent. */
    long intact;
    final List<String> missing = new ArrayList<>();
    /** A bidId that appears more than once in a dealer's list. */
    final List<String> storedTwice = new ArrayList<>();
    /** A bidId the server acknowledged for two different requests. */
    final List<String> acknowledgedTwice = new ArrayList<>();
    /** Stored under the acknowledged bidId but with another rate, amount or kind, or withdrawn. */
    final List<String> altered = new ArrayList<>();
    /** In a dealer's own list but with another bidder id. */
    final List<String> foreign = new ArrayList<>();
    long unacknowledgedExplained;
    final List<String> unacknowledgedUnexplained = new ArrayList<>();
    long unknownOutcomes;
    /** Acknowledged receivedAt values not written with exactly six decimals (API.md: instants with microseconds). */
    final List<String> receivedAtNotMicros = new ArrayList<>();

    /**
     * @param acks     every 201 of the run, any dealer
     * @param unknown  every request whose outcome is unknown, any dealer
     * @param stored   dealer → that dealer's GET /bids
     */
    static Durability check(List<Ack> acks, List<SentBid> unknown, Map<String, List<StoredBid>> stored) {
        Durability d = new Durability();
        d.acknowledged = acks.size();
        d.unknownOutcomes = unknown.size();

        Map<String, Ack> ackById = new HashMap<>();
        for (Ack a : acks) {
            if (!MICROS.matcher(a.receivedAt()).matches()) {
                d.receivedAtNotMicros.add(a.receivedAt());
            }
            if (ackById.putIfAbsent(a.bidId(), a) != null) {
                d.acknowledgedTwice.add(a.bidId());
            }
        }
        // unknown outcomes by dealer|rate|amount, as a multiset
        Map<String, Integer> unexplainedBudget = new HashMap<>();
        for (SentBid b : unknown) {
            unexplainedBudget.merge(key(b.dealer(), b.rate(), b.amount()), 1, Integer::sum);
        }

        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<StoredBid>> e : stored.entrySet()) {
            String dealer = e.getKey();
            for (StoredBid s : e.getValue()) {
                d.stored++;
                if (!dealer.equals(s.bidderId())) {
                    d.foreign.add(s.bidId() + " (bidder " + s.bidderId() + " in " + dealer + "'s list)");
                }
                if (!seen.add(s.bidId())) {
                    d.storedTwice.add(s.bidId());
                    continue;
                }
                Ack a = ackById.get(s.bidId());
                if (a == null) {
                    String k = key(dealer, s.rate(), s.amount());
                    Integer left = unexplainedBudget.get(k);
                    if (left != null && left > 0) {
                        unexplainedBudget.put(k, left - 1);
                        d.unacknowledgedExplained++;
                    } else {
                        d.unacknowledgedUnexplained.add(s.bidId());
                    }
                    continue;
                }
                SentBid sent = a.bid();
                if (!sent.dealer().equals(dealer) || !"COMPETITIVE".equals(s.kind())
                        || !sent.rate().equals(s.rate()) || sent.amount() != s.amount() || s.withdrawn()) {
                    d.altered.add(s.bidId() + " (sent " + sent.rate() + "/" + sent.amount() + " as " + sent.dealer()
                            + ", stored " + s.kind() + " " + s.rate() + "/" + s.amount() + " as " + dealer
                            + (s.withdrawn() ? ", withdrawn" : "") + ")");
                } else {
                    d.intact++;
                }
            }
        }
        for (Ack a : ackById.values()) {
            if (!seen.contains(a.bidId())) {
                d.missing.add(a.bidId());
            }
        }
        return d;
    }

    boolean ok() {
        return missing.isEmpty() && storedTwice.isEmpty() && acknowledgedTwice.isEmpty() && altered.isEmpty()
                && foreign.isEmpty() && unacknowledgedUnexplained.isEmpty();
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("acknowledged (201)  %d, stored in the dealers' lists %d%n", acknowledged, stored));
        b.append(String.format("intact              %d (stored exactly once, as sent)%n", intact));
        line(b, "missing", missing);
        line(b, "stored twice", storedTwice);
        line(b, "bidId acked twice", acknowledgedTwice);
        line(b, "altered", altered);
        line(b, "foreign", foreign);
        b.append(String.format("stored, never acked %d explained by %d requests of unknown outcome, %d unexplained%s%n",
                unacknowledgedExplained, unknownOutcomes, unacknowledgedUnexplained.size(),
                unacknowledgedUnexplained.isEmpty() ? "" : " e.g. " + first(unacknowledgedUnexplained)));
        b.append(String.format("receivedAt format   %d of %d acknowledged not with 6 decimals%s (not counted as a failure)%n",
                receivedAtNotMicros.size(), acknowledged,
                receivedAtNotMicros.isEmpty() ? "" : " e.g. " + first(receivedAtNotMicros)));
        b.append("durability          ").append(ok() ? "OK" : "FAILED").append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, String label, List<String> ids) {
        b.append(String.format("%-19s %d%s%n", label, ids.size(), ids.isEmpty() ? "" : " e.g. " + first(ids)));
    }

    private static String first(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(3, ids.size())));
    }

    private static String key(String dealer, String rate, long amount) {
        return dealer + '|' + rate + '|' + amount;
    }
}
