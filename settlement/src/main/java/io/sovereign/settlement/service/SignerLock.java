package io.sovereign.settlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Only one process signs as the agent at a time: its transactions take consecutive nonces, so two
 * replicas minting at once would take each other's. A PostgreSQL session advisory lock on a
 * connection of its own (not from the pool: a pooled session would keep a lock whose release
 * failed), held while the holder signs and waits for receipts, released when it is closed, or by
 * PostgreSQL when the process dies.
 */
@ApplicationScoped
public class SignerLock {

    /** Advisory lock id of the agent signer (the outbox relay's is 0x0B0C0001). */
    static final long SIGNER_LOCK = 0x0B0C_0002L;

    private final String url;
    private final String user;
    private final String password;

    public SignerLock(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The lock, held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock if no other holder has it now. */
    public Optional<Held> tryAcquire() {
        return acquire("select pg_try_advisory_lock(?)", null);
    }

    /** The lock, waiting up to {@code timeout} for another holder to release it; empty if it does not. */
    public Optional<Held> acquire(Duration timeout) {
        return acquire("select true from pg_advisory_lock(?)", timeout);
    }

    private Optional<Held> acquire(String sql, Duration timeout) {
        Connection c = null;
        try {
            c = DriverManager.getConnection(url, user, password);
            if (timeout != null) {
                try (Statement s = c.createStatement()) {
                    s.execute("set lock_timeout = " + Math.max(1, timeout.toMillis()));
                }
            }
            boolean locked;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, SIGNER_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    locked = false; // lock_timeout
                } else {
                    throw e;
                }
            }
            if (timeout != null) {
                try (Statement s = c.createStatement()) {
                    s.execute("reset lock_timeout");
                }
            }
            if (!locked) {
                c.close();
                return Optional.empty();
            }
            Connection held = c;
            return Optional.of(() -> release(held));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("Cannot take the signer lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, SIGNER_LOCK);
            ps.executeQuery().close();
        } catch (SQLException e) {
            // closing the session below releases it too
        } finally {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to do with it
            }
        }
    }

    /** How long to wait for a lock in a request before answering 503. */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(30);
}
