package io.sovereign.e2e;

import static io.sovereign.e2e.AuctionCore.as;
import static io.sovereign.e2e.AuctionCore.competitive;
import static io.sovereign.e2e.AuctionCore.nonCompetitive;
import static io.sovereign.e2e.AuctionCore.url;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.sovereign.e2e.AuctionCore.Auction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bids sent without pause by several dealers across each deadline: the server judges every bid by
 * the instant it received it, to the millisecond, and tells the refused ones when that was. A bid
 * received in the last 50 ms before a deadline is needed to show that the server takes bids up to
 * the deadline itself; on a busy machine the server receives a few dozen bids a second, so an
 * auction in which none happened to be received that close is followed by another (three at most).
 */
@ExtendWith(PlatformStack.class)
class DeadlineIT {

    /** Each burst sends a bid every {@link #EVERY} from {@link #BEFORE} its deadline to {@link #AFTER} it. */
    private static final Duration BEFORE = Duration.ofMillis(450);
    private static final Duration AFTER = Duration.ofMillis(150);
    private static final Duration EVERY = Duration.ofMillis(15);
    private static final Duration CLOSE = Duration.ofMillis(50);
    private static final int AUCTIONS = 3;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What the server answered to one bid: 201 with its receivedAt, or 409 with receivedAt and deadline. */
    record Outcome(int status, String bidId, Instant receivedAt, Instant deadline, String body) {
    }

    @Test
    void everyBidIsJudgedByTheInstantTheServerReceivedIt() {
        Set<String> takenToTheDeadline = new TreeSet<>();
        for (int auction = 0; auction < AUCTIONS && takenToTheDeadline.size() < 2; auction++) {
            Auction a = AuctionCore.open("desk1", Duration.ofSeconds(4), Duration.ofSeconds(6));
            ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
            List<Outcome> nonCompetitiveBids;
            List<Outcome> competitiveBids;
            try {
                List<CompletableFuture<Outcome>> nc = burst(sender, a, a.nonCompetitiveClosesAt(),
                        nonCompetitive(1_000), List.of("dealer-03"));
                List<CompletableFuture<Outcome>> c = burst(sender, a, a.closesAt(), competitive("3.100", 1_000),
                        List.of("dealer-01", "dealer-02"));
                nonCompetitiveBids = nc.stream().map(CompletableFuture::join).toList();
                competitiveBids = c.stream().map(CompletableFuture::join).toList();
            } finally {
                sender.shutdownNow();
            }
            if (judgedAt(nonCompetitiveBids, a.nonCompetitiveClosesAt())) {
                takenToTheDeadline.add("NONCOMPETITIVE");
            }
            if (judgedAt(competitiveBids, a.closesAt())) {
                takenToTheDeadline.add("COMPETITIVE");
            }

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
        assertThat(takenToTheDeadline).as("deadlines with a bid accepted in the last " + CLOSE.toMillis()
                + " ms before them, in " + AUCTIONS + " auctions").containsExactly("COMPETITIVE", "NONCOMPETITIVE");
    }

    /**
     * Asserts that every bid was judged by its receivedAt against the deadline, and that some were
     * refused; true if one was accepted within {@link #CLOSE} of the deadline.
     */
    private static boolean judgedAt(List<Outcome> outcomes, Instant deadline) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.body()).isIn(201, 409));
        List<Outcome> accepted = outcomes.stream().filter(o -> o.status() == 201).toList();
        List<Outcome> refused = outcomes.stream().filter(o -> o.status() == 409).toList();
        assertThat(accepted).allSatisfy(o -> assertThat(o.receivedAt()).as(o.body()).isBefore(deadline));
        assertThat(refused).allSatisfy(o -> {
            assertThat(o.receivedAt()).as(o.body()).isAfterOrEqualTo(deadline);
            assertThat(o.deadline()).as(o.body()).isEqualTo(deadline);
        });
        assertThat(refused).as("a bid refused after " + deadline).isNotEmpty();
        Instant lastAccepted = accepted.stream().map(Outcome::receivedAt).max(Instant::compareTo).orElse(null);
        System.out.printf("DeadlineIT: %d bids accepted, the last received at %s; %d refused at the deadline %s%n",
                accepted.size(), lastAccepted, refused.size(), deadline);
        return lastAccepted != null && !lastAccepted.isBefore(deadline.minus(CLOSE));
    }

    /**
     * Sends the body on a fixed schedule around the deadline, the bidders taking turns, without
     * waiting for answers: the server gets bids milliseconds apart however long it takes to answer
     * them (a bidder that waited for each answer would send in waves, one per intake batch).
     */
    private static List<CompletableFuture<Outcome>> burst(ScheduledExecutorService sender, Auction a, Instant deadline,
            String body, List<String> bidders) {
        List<String> tokens = bidders.stream().map(Tokens::dealer).toList();
        Instant from = deadline.minus(BEFORE);
        long count = BEFORE.plus(AFTER).dividedBy(EVERY);
        List<CompletableFuture<Outcome>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String token = tokens.get(i % tokens.size());
            CompletableFuture<Void> due = new CompletableFuture<>();
            long delay = Duration.between(Instant.now(), from.plus(EVERY.multipliedBy(i))).toNanos();
            sender.schedule(() -> due.complete(null), delay, TimeUnit.NANOSECONDS);
            answers.add(due.thenCompose(v -> send(token, a.id(), body)));
        }
        return answers;
    }

    private static CompletableFuture<Outcome> send(String token, String auctionId, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url("/auctions/" + auctionId + "/bids")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(DeadlineIT::outcome);
    }

    private static Outcome outcome(HttpResponse<String> r) {
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
