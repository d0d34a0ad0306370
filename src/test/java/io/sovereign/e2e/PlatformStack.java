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
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the platform the first time a test class needs it and keeps it for every other class of
 * the run; JUnit closes it when the run ends. Ports are the defaults + 10000 (so a stack started
 * with ./platform can keep running), data is fresh every run.
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
        StackConfig c = new StackConfig(root, root.resolve("target/e2e-stack"),
                Ports.defaults().shifted(PORT_SHIFT).withOverrides(System.getenv()), true, true);
        Stack stack = Stack.acquire(c);
        Running running = new Running(stack);
        stack.boot();
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

    /** A connection to a service's own database, as the service logs in (role and password = database name). */
    public static Connection database(Service service) throws SQLException {
        String db = service.database();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + config().ports().postgres() + "/" + db, db, db);
    }

    record Running(Stack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
