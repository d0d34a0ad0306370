package io.sovereign.bench;

import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.AuctionPricing;
import io.sovereign.auction.domain.SecurityType;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.domain.clearing.BidBook;
import io.sovereign.auction.domain.clearing.BidKind;
import io.sovereign.auction.domain.clearing.ClearingEngine;
import io.sovereign.auction.domain.clearing.ClearingResult;
import io.sovereign.auction.domain.clearing.ClearingTerms;
import io.sovereign.auction.domain.clearing.SecurityPricing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Clearing time of a validated book: 10k, 100k and 1M bids, both formats. The book is a 3-year
 * note auction: 1 bidder in 1,000 non-competitive, competitive yields over 300 levels of 0.001
 * around 3.2% from 2,000 bidders (and the three largest dealers' big tickets), offered amount about
 * 40% of the demand, so the stop-out falls inside the book with proration and binding caps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ClearingBenchmark {

    static final BigDecimal STEP = new BigDecimal("0.001");

    @Param({"10000", "100000", "1000000"})
    public int bids;

    @Param({"SINGLE_PRICE", "MULTI_PRICE"})
    public AuctionFormat format;

    ClearingTerms terms;
    BidBook book;
    SecurityPricing pricing;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20221109L);
        BidBook.Builder b = BidBook.builder(STEP, bids);
        long tendered = 0;
        for (int i = 0; i < bids; i++) {
            String bidder;
            long amount;
            if (i % 1000 == 999) {
                bidder = "retail-" + i;
                amount = 100L * random.nextInt(1, 100_001);
                b.add("n" + i, bidder, BidKind.NONCOMPETITIVE, null, amount, 0);
            } else {
                bidder = i % 10 < 3 ? "dealer-0" + (i % 10 + 1) : "bidder-" + random.nextInt(2_000);
                amount = 100L * random.nextInt(1, 200_001);
                long level = 3_050 + random.nextInt(300);
                b.addLevel("b" + i, bidder, level, amount, random.nextInt(20) == 0 ? amount : 0);
            }
            tendered += amount;
        }
        book = b.build();
        terms = new ClearingTerms(format, BidBasis.YIELD, tendered * 2 / 5 / 100 * 100, new BigDecimal("0.35"),
                10_000_000L, 100, 100, STEP, false);
        // the real pricing of the 3-year note of 2022-08-15 (new issue: coupon from the high yield)
        pricing = AuctionPricing.of(SecurityType.NOTE, BidBasis.YIELD, LocalDate.parse("2022-08-15"),
                LocalDate.parse("2025-08-15"), null, null, null);
    }

    @Benchmark
    public ClearingResult clear() {
        return ClearingEngine.clear(terms, book, pricing);
    }
}
