package io.sovereign.auction.service;

import io.sovereign.auction.config.AuctionConfig;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per bidder id for bid and subscription submissions: {@code burst} at once, then
 * {@code perSecond} sustained. Kept in memory per instance (several auction-core instances behind a
 * balancer each allow the configured rate: the effective limit is that times the instances a
 * bidder's requests reach). A refused submission is answered 429 before anything is read or
 * stored. Integer arithmetic: a token is {@link #UNIT} units, a bucket refills {@code perSecond}
 * units per nanosecond.
 */
@ApplicationScoped
public class BidRateLimiter {

    static final long UNIT = TimeUnit.SECONDS.toNanos(1);
    /** Above this many bidders, full buckets (bidders idle long enough) are dropped. */
    private static final int SWEEP_ABOVE = 100_000;

    private final boolean enabled;
    private final long perSecond;
    private final long capacity;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public BidRateLimiter(AuctionConfig config) {
        this(config.rateLimit().enabled(), config.rateLimit().perSecond(), config.rateLimit().burst(), System::nanoTime);
    }

    BidRateLimiter(boolean enabled, int perSecond, int burst, LongSupplier nanoTime) {
        if (enabled && (perSecond < 1 || burst < 1)) {
            throw new IllegalArgumentException("sovereign.auction.rate-limit.per-second and .burst must be at least 1");
        }
        this.enabled = enabled;
        this.perSecond = perSecond;
        this.capacity = burst * UNIT;
        this.nanoTime = nanoTime;
    }

    /** Takes one submission from the bidder's bucket, or throws the 429 problem (with its Retry-After in seconds). */
    public void acquire(String bidderId) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(bidderId, id -> new Bucket(capacity, now));
        long waitNanos = bucket.take(now);
        if (waitNanos > 0) {
            long retryAfter = Math.max(1, (waitNanos + UNIT - 1) / UNIT);
            throw new ProblemException(429, "Too many requests",
                    "Rate limit of " + perSecond + " submissions per second (burst " + capacity / UNIT
                            + ") exceeded for " + bidderId + "; nothing was stored, send it again in " + retryAfter
                            + " s with the same Idempotency-Key", List.of())
                    .with("retryAfter", retryAfter)
                    .header("Retry-After", Long.toString(retryAfter));
        }
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(e -> e.getValue().fullAt(now));
        }
    }

    private final class Bucket {
        private long units;
        private long updatedAt;

        Bucket(long units, long updatedAt) {
            this.units = units;
            this.updatedAt = updatedAt;
        }

        /** 0 if a token was taken, else the nanoseconds until one is there. */
        synchronized long take(long now) {
            refill(now);
            if (units >= UNIT) {
                units -= UNIT;
                return 0;
            }
            return (UNIT - units + perSecond - 1) / perSecond;
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return units >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - updatedAt;
            if (elapsed <= 0) {
                return;
            }
            updatedAt = now;
            // at most the time to fill an empty bucket: no overflow however long the bidder was idle
            long fillNanos = capacity / perSecond + 1;
            units = Math.min(capacity, units + Math.min(elapsed, fillNanos) * perSecond);
        }
    }
}
