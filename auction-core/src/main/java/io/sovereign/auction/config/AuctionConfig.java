package io.sovereign.auction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** auction-core's own settings, under {@code sovereign.auction}. */
@ConfigMapping(prefix = "sovereign.auction")
public interface AuctionConfig {

    /** Two-letter prefix of ISINs assigned to securities announced without one (ISO 6166: country or XS). */
    @WithDefault("XS")
    String isinPrefix();

    /**
     * How long after the competitive deadline the close runs, so that bids received before the
     * deadline and still being written are in the book (bids are judged by their receipt instant).
     */
    @WithDefault("200ms")
    java.time.Duration closeGrace();

    /** The bid intake. */
    Intake intake();

    interface Intake {
        /** Most bids written in one transaction. */
        @WithDefault("500")
        int maxBatch();

        /** Bids waiting to be written before new ones are answered 503. */
        @WithDefault("20000")
        int queue();
    }

    /** The per-bidder limit on bid and subscription submissions ({@code sovereign.auction.rate-limit}). */
    RateLimit rateLimit();

    interface RateLimit {
        /** Off: every submission is taken (the limiter is not consulted). */
        @WithDefault("true")
        boolean enabled();

        /** Submissions per second a bidder may send sustained (the bucket's refill rate). */
        @WithDefault("1000")
        int perSecond();

        /** Submissions a bidder may send at once after being idle (the bucket's size). */
        @WithDefault("2000")
        int burst();
    }
}
