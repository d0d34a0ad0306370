package io.sovereign.e2e;

import io.restassured.RestAssured;
import io.sovereign.stack.Ports;
import io.sovereign.stack.Service;
import io.sovereign.stack.Stack;
import io.sovereign.stack.StackConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the platform the first time a test class needs it and keeps it for every other class of
 * the run; JUnit closes it when the run ends. Ports are the defaults + 10000 (so a stack started
 * with ./platform can keep running), data is fresh every run. Under the {@code testcontainers}
 * profile, PostgreSQL and Kafka come from containers ({@link ExternalServers}).
 */
public final class PlatformStack implements BeforeAllCallback {

    private static final int PORT_SHIFT = 10_000;
    private static volatile StackConfig config;
    private static volatile Stack running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(PlatformStack.class,
                key -> start(), Running.class);
    }

    private static Running start() {
        // a failed expectation shows what was sent and answered
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path root = StackConfig.findProjectRoot(Path.of(System.getProperty("user.dir")));
        // the testcontainers profile: PostgreSQL and Kafka in containers, on the ports they are mapped to
        ExternalServers servers = ExternalServers.fromSystemProperty();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (servers != null) {
            try {
                env.putAll(servers.start());
            } catch (RuntimeException e) {
                servers.close();
                throw e;
            }
        }
        StackConfig c = new StackConfig(root, root.resolve("target/e2e-stack"),
                Ports.defaults().shifted(PORT_SHIFT).withOverrides(env), true, true);
        Stack stack;
        try {
            stack = Stack.acquire(c);
        } catch (RuntimeException e) {
            if (servers != null) {
                servers.close();
            }
            throw e;
        }
        if (servers != null) {
            stack.useExternalServers(servers.postgresSuperuser(), servers.postgresPassword());
        }
        Running running = new Running(stack, servers);
        try {
            stack.boot(); // on failure, the stack has stopped what it started
        } catch (RuntimeException e) {
            if (servers != null) {
                servers.close();
            }
            throw e;
        }
        config = c;
        PlatformStack.running = stack;
        return running;
    }

    /** The running stack's configuration (ports, URLs). */
    public static StackConfig config() {
        if (config == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(PlatformStack.class)");
        }
        return config;
    }

    /** The running stack itself, for tests that stop and start a service. */
    public static Stack stack() {
        config();
        return running;
    }

    public static String url(Service service) {
        return config().serviceUrl(service);
    }

    /** The service's management interface ({@code /q/health}, {@code /q/metrics}). */
    public static String managementUrl(Service service) {
        return config().managementUrl(service);
    }

    /** A connection to a service's own database, as the service logs in (role and password = database name). */
    public static Connection database(Service service) throws SQLException {
        String db = service.database();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + config().ports().postgres() + "/" + db, db, db);
    }

    record Running(Stack stack, ExternalServers servers)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            try {
                stack.close();
            } finally {
                if (servers != null) {
                    servers.close();
                }
            }
        }
    }
}
