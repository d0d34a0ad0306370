package io.sovereign.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The big auction, by hand (the name does not end in IT: {@code verify} leaves it out):
 * 100,000 bids through the intake, published in chunks, every allocation settled once, no record
 * above 1 MB (see {@link BigAuction}; docs/reliability.md, "Faults").
 * <pre>
 * ./mvnw -B -o -T1 verify -pl e2e -De2e.heap=2g -Dit.test=BigAuctionBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@ExtendWith(PlatformStack.class)
class BigAuctionBenchmark {

    @Test
    void oneHundredThousandBidsArePublishedInChunksAndEveryAllocationSettlesOnce() {
        BigAuction.run(100_000);
    }
}
