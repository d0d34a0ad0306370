package io.sovereign.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A big auction end to end in the suite: 20,000 bids through the intake, published in 10+
 * chunks, every allocation settled once (see {@link BigAuction}). 100,000 bids take 3-7 minutes
 * of intake alone on the 2-core CI machine (260-650 bids/s), too much for the 90-minute run: they
 * are {@code BigAuctionBenchmark}, run by hand (docs/reliability.md).
 */
@Tag("faults")
@ExtendWith(PlatformStack.class)
class BigAuctionIT {

    @Test
    void twentyThousandBidsArePublishedInChunksAndEveryAllocationSettlesOnce() {
        BigAuction.run(20_000);
    }
}
