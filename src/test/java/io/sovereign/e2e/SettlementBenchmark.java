package io.sovereign.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sovereign.e2e.AuctionDriver.Auction;
import io.sovereign.e2e.AuctionDriver.Award;
import io.sovereign.stack.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, run by hand (docs/benchmarks.md), not by {@code verify}: its name does not end in IT.
 * A whole auction of N allocations on the e2e stack; measured from the moment desk2's publish
 * request is sent (auction-core's publication is inside the figure) to the last instruction
 * SETTLED (its {@code updated_at} in settlement's database, same machine clock).
 * <pre>
 * ./mvnw -B -o -T1 verify -pl e2e -Dit.test=SettlementBenchmark
 * </pre>
 */
@ExtendWith(PlatformStack.class)
class SettlementBenchmark {

    @ParameterizedTest
    @ValueSource(ints = {1_000, 10_000})
    void publishToLastSettled(int allocations) throws SQLException {
        List.of("desk1", "desk2", "operator1").forEach(Tokens::user);
        SettlementCrashIT.DEALERS.forEach(Tokens::dealer);
        Auction a = SettlementCrashIT.announce(allocations);
        long bidding = System.nanoTime();
        AuctionDriver.bid(a, SettlementCrashIT.bids(allocations), 4);
        AuctionDriver.close(a);
        System.out.printf("[benchmark] %,d bids placed and cleared in %.1f s%n", allocations,
                (System.nanoTime() - bidding) / 1e9);

        // from the moment the publish request leaves: auction-core's publication (results committed with
        // AuctionResultsPublished in its outbox) is inside the figure, so it is an upper bound
        Instant published = Instant.now();
        List<Award> awards = AuctionDriver.publish(a);
        System.out.printf("[benchmark] publish answered in %.2f s%n", seconds(published, Instant.now()));
        assertThat(awards).hasSize(allocations);
        try (Connection db = settlementDatabase()) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count(db, a.id(), "SETTLED") == allocations);
            Instant created = instant(db, "select min(created_at) from settlement_instruction where auction_id = ?", a.id());
            Instant cashDone = instant(db, "select max(j.created_at) from cash_journal j join settlement_instruction i "
                    + "on j.journal_id = 'settle:' || i.allocation_id where i.auction_id = ?", a.id());
            Instant last = instant(db, "select max(updated_at) from settlement_instruction where auction_id = ?", a.id());
            System.out.printf("[benchmark] %,d allocations: publish → instructions created %.2f s, → last cash debit "
                    + "%.2f s, → last SETTLED %.2f s (%,.0f allocations/s)%n", allocations,
                    seconds(published, created), seconds(published, cashDone), seconds(published, last),
                    allocations / seconds(published, last));
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static Connection settlementDatabase() throws SQLException {
        String db = Service.SETTLEMENT.database();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PlatformStack.config().ports().postgres() + "/"
                + db, db, db);
    }

    private static long count(Connection db, String auctionId, String status) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "select count(*) from settlement_instruction where auction_id = ? and status = ?")) {
            ps.setString(1, auctionId);
            ps.setString(2, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Instant instant(Connection db, String sql, String auctionId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, auctionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }
}
