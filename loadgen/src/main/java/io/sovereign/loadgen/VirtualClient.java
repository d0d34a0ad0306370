package io.sovereign.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated dealer desk: a thread that sends competitive bids one after another on the
 * client's keep-alive HTTP/1.1 connections, either as soon as the previous answer is in (closed
 * loop) or on a fixed schedule (open loop; a late request counts its latency from when it was
 * due, so a slow server is not hidden by the client waiting for it).
 */
final class VirtualClient implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int index;
    private final String runId;
    private final HttpClient http;
    /** The raw keep-alive connection, or null when the bids go through {@link #http}. */
    private final Http11Connection connection;
    private final TokenSource token;
    private final URI bidsUri;
    private final Duration timeout;
    private final long loadStartNanos;
    private final long loadEndNanos;
    private final long intervalNanos;
    final Recorder recorder;
    private final SplittableRandom random;
    private long seq;

    /**
     * @param intervalNanos 0 for the closed loop; else the time between this client's requests
     *                      (clients × 1e9 / total rate), the first one due at {@code loadStartNanos}
     *                      plus this client's share of one interval, so the clients interleave
     */
    VirtualClient(int index, String runId, HttpClient http, TokenSource token, URI bidsUri, Duration timeout,
            long loadStartNanos, long loadEndNanos, long intervalNanos, int clients, Recorder recorder, boolean raw) {
        this.index = index;
        this.connection = raw ? new Http11Connection(bidsUri, (int) timeout.toMillis()) : null;
        this.runId = runId;
        this.http = http;
        this.token = token;
        this.bidsUri = bidsUri;
        this.timeout = timeout;
        this.loadStartNanos = loadStartNanos + (intervalNanos == 0 ? 0 : intervalNanos * index / clients);
        this.loadEndNanos = loadEndNanos;
        this.intervalNanos = intervalNanos;
        this.recorder = recorder;
        this.random = new SplittableRandom(0x5eed_0000L + index);
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            closeConnection();
        }
    }

    private void loop() {
        sleepUntil(loadStartNanos);
        long due = loadStartNanos;
        while (true) {
            long now = System.nanoTime();
            if (intervalNanos == 0) {
                due = now;
            } else {
                sleepUntil(due);
            }
            if (due - loadEndNanos >= 0 || Thread.currentThread().isInterrupted()) {
                return;
            }
            send(due, nextBid());
            due += intervalNanos;
        }
    }

    /** Competitive yields 3.000-3.499 on the 0.001 increment, amounts 100 to 10,000,000 in multiples of 100. */
    SentBid nextBid() {
        int rate = 3000 + random.nextInt(500);
        long amount = 100L * (1 + random.nextInt(100_000));
        return new SentBid(token.principal, runId + "-" + index + "-" + (seq++), rate, amount);
    }

    private void send(long startNanos, SentBid bid) {
        String bearer;
        try {
            bearer = token.bearer();
        } catch (IOException e) {
            recorder.failure(startNanos, System.nanoTime(), "token: " + e.getClass().getSimpleName(), bid, false);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Http11Connection.Answer r;
        try {
            r = post(bid, bearer);
        } catch (ConnectException e) {
            // never reached the server: cannot be stored
            recorder.failure(startNanos, System.nanoTime(), "connect refused", bid, false);
            return;
        } catch (HttpTimeoutException | SocketTimeoutException e) {
            recorder.failure(startNanos, System.nanoTime(), "timeout", bid, true);
            return;
        } catch (IOException e) {
            recorder.failure(startNanos, System.nanoTime(), "io: " + e.getClass().getSimpleName(), bid, true);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long end = System.nanoTime();
        int status = r.status();
        Ack ack = null;
        String body = null;
        if (status == 201) {
            ack = parseAck(bid, r.body());
            if (ack == null) {
                // a 201 without a bidId: counted apart, outcome unknown
                recorder.failure(startNanos, end, "201 without bidId", bid, true);
                return;
            }
        } else {
            body = new String(r.body(), StandardCharsets.UTF_8);
            if (status == 401) {
                try {
                    token.invalidate(bearer);
                } catch (IOException e) {
                    // the next request retries the token
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        recorder.answer(startNanos, end, status, bid, ack, body);
    }

    private Http11Connection.Answer post(SentBid bid, String bearer) throws IOException, InterruptedException {
        byte[] body = bid.json().getBytes(StandardCharsets.UTF_8);
        if (connection != null) {
            return connection.send("POST", bidsUri.getRawPath(), Map.of(
                    "Authorization", bearer,
                    "Content-Type", "application/json",
                    "Accept", "application/json",
                    "Idempotency-Key", bid.idempotencyKey()), body);
        }
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(bidsUri)
                .timeout(timeout)
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", bid.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Http11Connection.Answer(r.statusCode(), r.body());
    }

    /** Connections this client opened (raw transport), 0 for the JDK client. */
    int connects() {
        return connection == null ? 0 : connection.connects();
    }

    void closeConnection() {
        if (connection != null) {
            connection.close();
        }
    }

    private static Ack parseAck(SentBid bid, byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            String id = n.path("bidId").asText("");
            return id.isEmpty() ? null : new Ack(bid, id, n.path("receivedAt").asText(""));
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleepUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }
}
