package io.sovereign.auction.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereign.kit.problem.ProblemException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BidRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    @Test
    void theBurstThenTheSustainedRatePerBidder() {
        BidRateLimiter limiter = new BidRateLimiter(true, 10, 20, now::get);
        for (int i = 0; i < 20; i++) {
            limiter.acquire("dealer-01");
        }
        assertThatThrownBy(() -> limiter.acquire("dealer-01")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.headers()).containsEntry("Retry-After", "1");
            assertThat(e.extensions()).containsEntry("retryAfter", 1L);
            assertThat(e.getMessage()).contains("10 submissions per second (burst 20)").contains("dealer-01")
                    .contains("nothing was stored");
        });
        // another bidder has a bucket of its own
        for (int i = 0; i < 20; i++) {
            limiter.acquire("dealer-02");
        }
        // a tenth of a second later one more token is there for dealer-01, not two
        now.addAndGet(100_000_000L);
        limiter.acquire("dealer-01");
        assertThatThrownBy(() -> limiter.acquire("dealer-01")).isInstanceOf(ProblemException.class);
    }

    @Test
    void aLongIdleBidderGetsTheBurstBackButNoMore() {
        BidRateLimiter limiter = new BidRateLimiter(true, 1000, 5, now::get);
        for (int i = 0; i < 5; i++) {
            limiter.acquire("d");
        }
        now.addAndGet(Long.MAX_VALUE / 4); // years: no overflow
        for (int i = 0; i < 5; i++) {
            limiter.acquire("d");
        }
        assertThatThrownBy(() -> limiter.acquire("d")).isInstanceOf(ProblemException.class);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
        BidRateLimiter limiter = new BidRateLimiter(true, 1, 1, now::get);
        limiter.acquire("d");
        now.addAndGet(100_000_000L);
        assertThatThrownBy(() -> limiter.acquire("d")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.headers()).containsEntry("Retry-After", "1"));
    }

    @Test
    void disabledTakesEverything() {
        BidRateLimiter limiter = new BidRateLimiter(false, 1, 1, now::get);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("d");
        }
    }
}
