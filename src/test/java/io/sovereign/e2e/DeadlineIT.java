package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.as;
import static io.sovereign.e2e.AuctionCore.competitive;
import static io.sovereign.e2e.AuctionCore.nonCompetitive;
import static io.sovereign.e2e.AuctionCore.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.sovereign.e2e.AuctionCore.Auction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bids sent without pause from several dealers across each deadline: the server judges every bid
 * by the instant it received it, to the millisecond, and tells the refused ones when that was.
 */
@ExtendWith(PlatformStack.class)
class DeadlineIT {

    /** How long before its deadline each burst starts, and how long after it it goes on. */
    private static final Duration BEFORE = Duration.ofMillis(600);
    private static final Duration AFTER = Duration.ofMillis(300);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What the server answered to one bid: 201 with its receivedAt, or 409 with receivedAt and deadline. */
    record Outcome(int status, String bidId, Instant receivedAt, Instant deadline, String body) {
    }

    @Test
    void everyBidIsJudgedByTheInstantTheServerReceivedIt() throws Exception {
        Auction a = AuctionCore.open("desk1", Duration.ofSeconds(4), Duration.ofSeconds(6));

        // eight requests in flight at a time: arrivals some milliseconds apart even on a busy machine
        List<Outcome> nonCompetitiveBids = burst(a, a.nonCompetitiveClosesAt(), nonCompetitive(1_000),
                Collections.nCopies(8, "dealer-03"));
        List<Outcome> competitiveBids = burst(a, a.closesAt(), competitive("3.100", 1_000),
                Collections.nCopies(4, List.of("dealer-01", "dealer-02")).stream().flatMap(List::stream).toList());
        assertJudgedAt(nonCompetitiveBids, a.nonCompetitiveClosesAt());
        assertJudgedAt(competitiveBids, a.closesAt());

        // every acknowledged bid is in the clearing, and no refused one
        AuctionCore.awaitAllocated(a);
        List<String> cleared = as(Tokens.user("desk1")).get(url("/auctions/" + a.id() + "/results"))
                .then().statusCode(200).extract().jsonPath().getList("allocations.bidId", String.class);
        List<String> accepted = new ArrayList<>();
        for (List<Outcome> burst : List.of(nonCompetitiveBids, competitiveBids)) {
            burst.stream().filter(o -> o.status() == 201).map(Outcome::bidId).forEach(accepted::add);
        }
        assertThat(cleared).containsExactlyInAnyOrderElementsOf(accepted);
    }

    private static void assertJudgedAt(List<Outcome> outcomes, Instant deadline) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.body()).isIn(201, 409));
        List<Outcome> accepted = outcomes.stream().filter(o -> o.status() == 201).toList();
        List<Outcome> refused = outcomes.stream().filter(o -> o.status() == 409).toList();
        Instant lastAccepted = accepted.stream().map(Outcome::receivedAt).max(Instant::compareTo).orElse(null);
        String summary = "%d accepted (the last received at %s), %d refused at the deadline %s"
                .formatted(accepted.size(), lastAccepted, refused.size(), deadline);
        assertThat(accepted).allSatisfy(o -> assertThat(o.receivedAt()).as(o.body()).isBefore(deadline));
        assertThat(refused).allSatisfy(o -> {
            assertThat(o.receivedAt()).as(o.body()).isAfterOrEqualTo(deadline);
            assertThat(o.deadline()).as(o.body()).isEqualTo(deadline);
        });
        assertThat(lastAccepted).as("a bid accepted in the last 50 ms: " + summary)
                .isAfterOrEqualTo(deadline.minusMillis(50));
        assertThat(refused).as("a bid refused: " + summary).isNotEmpty();
    }

    /** A thread per entry of {@code bidders} sends the body again and again from {@link #BEFORE} the deadline to {@link #AFTER} it. */
    private static List<Outcome> burst(Auction a, Instant deadline, String body, List<String> bidders) throws Exception {
        List<String> tokens = bidders.stream().map(Tokens::dealer).toList();
        Instant from = deadline.minus(BEFORE);
        Instant until = deadline.plus(AFTER);
        await().atMost(Duration.between(Instant.now(), from).plusSeconds(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> !Instant.now().isBefore(from));
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            List<Future<List<Outcome>>> sent = new ArrayList<>();
            for (String token : tokens) {
                sent.add(pool.submit(() -> {
                    List<Outcome> out = new ArrayList<>();
                    while (Instant.now().isBefore(until)) {
                        out.add(send(token, a.id(), body));
                    }
                    return out;
                }));
            }
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> f : sent) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome send(String token, String auctionId, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/auctions/" + auctionId + "/bids")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String what = r.statusCode() + " " + r.body();
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            return new Outcome(r.statusCode(), null, null, null, what);
        }
        JsonPath json = JsonPath.from(r.body());
        return new Outcome(r.statusCode(), json.getString("bidId"), instant(json.getString("receivedAt")),
                instant(json.getString("deadline")), what);
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}
