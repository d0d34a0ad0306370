package io.sovereign.bench;

import io.sovereign.auction.domain.pricing.BillPricing;
import io.sovereign.auction.domain.pricing.BondPrice;
import io.sovereign.auction.domain.pricing.BondPricing;
import io.sovereign.auction.domain.pricing.BondTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Calculator throughput: one price per call, as POST /api/v1/calculators/price computes it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CalculatorBenchmark {

    final BondTerms thirtyYearBond = new BondTerms(LocalDate.parse("2022-08-15"), LocalDate.parse("2052-08-15"),
            null, null, new BigDecimal("3.000"));
    final BondTerms longFirstCoupon = new BondTerms(LocalDate.parse("1990-03-01"), LocalDate.parse("1995-05-15"),
            null, LocalDate.parse("1990-11-15"), new BigDecimal("8.500"));
    final BigDecimal yield = new BigDecimal("3.110");

    @Benchmark
    public BondPrice bond30Years() {
        return BondPricing.price(thirtyYearBond, yield);
    }

    @Benchmark
    public BondPrice noteWithLongFirstCoupon() {
        return BondPricing.price(longFirstCoupon, new BigDecimal("8.530"));
    }

    @Benchmark
    public BigDecimal billInvestmentRate() {
        return BillPricing.investmentRate(LocalDate.parse("1990-06-07"), LocalDate.parse("1991-06-06"),
                new BigDecimal("92.265000"));
    }
}
