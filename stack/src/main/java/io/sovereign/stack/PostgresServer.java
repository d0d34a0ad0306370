package io.sovereign.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server from zonky's binaries (PostgreSQL 18), one database and role per
 * service. zonky runs it through pg_ctl, so the server is not our child: a server left by a
 * killed launcher is found through postmaster.pid and shut down before a new one starts.
 */
final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres pg;

    private PostgresServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    static PostgresServer start(StackConfig config) {
        return start(config, config.freshData());
    }

    /** Starts the server; {@code wipe}: on an empty data directory (a restart keeps its data). */
    static PostgresServer start(StackConfig config, boolean wipe) {
        Path data = config.stackDir().resolve("postgres");
        Path log = config.logs().resolve("postgres.log");
        try {
            stopOrphan(data);
            if (wipe) {
                Stack.deleteTree(data);
            }
            Files.createDirectories(data);
            Files.createDirectories(config.logs());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(config.ports().postgres())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(config.stackDir().resolve("pg-binaries").toFile())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(pg);
            server.createDatabases();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + log + ": " + e.getMessage(), e);
        }
    }

    private void createDatabases() {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            createDatabases(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the service databases: " + e.getMessage(), e);
        }
    }

    /** The services' databases and roles on a PostgreSQL run outside the stack, as its superuser. */
    static void createDatabases(StackConfig config, String superuser, String password) {
        String url = "jdbc:postgresql://127.0.0.1:" + config.ports().postgres() + "/postgres";
        try (Connection c = java.sql.DriverManager.getConnection(url, superuser, password)) {
            createDatabases(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the service databases on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void createDatabases(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Service service : Service.values()) {
                String db = service.database();
                if (!exists(s, "select 1 from pg_roles where rolname = '" + db + "'")) {
                    s.execute("create role " + db + " login password '" + db + "'");
                }
                if (!exists(s, "select 1 from pg_database where datname = '" + db + "'")) {
                    s.execute("create database " + db + " owner " + db);
                }
            }
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    /** A postmaster still running on this data directory (its launcher was killed): fast shutdown. */
    static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> h = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        if (h.isEmpty() || !h.get().isAlive() || !Child.commandLine(h.get().pid()).contains("postgres")) {
            return; // stale pid file: PostgreSQL recovers by itself
        }
        System.out.printf("  stopping PostgreSQL left over by an earlier run (pid %d)%n", h.get().pid());
        // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for clients to disconnect
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(h.get().pid())).inheritIO().start().waitFor();
            h.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            h.get().destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            System.out.println("  warning: PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
