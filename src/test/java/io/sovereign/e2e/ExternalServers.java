package io.sovereign.e2e;

import java.util.Map;

/**
 * PostgreSQL and Kafka for the e2e stack from somewhere other than the stack's own processes: the
 * {@code testcontainers} Maven profile sets the system property {@value #PROPERTY} to an
 * implementation (compiled only in that profile, from {@code src/testcontainers/java}) whose
 * containers the stack then uses; without it, the stack starts both as local processes.
 */
public interface ExternalServers extends AutoCloseable {

    String PROPERTY = "platform.servers";

    /**
     * Starts both and returns once they serve, with the port variables the stack must use for them
     * ({@code PG_PORT}, {@code KAFKA_PORT}: the ports mapped on 127.0.0.1).
     */
    Map<String, String> start();

    /** A PostgreSQL superuser, which creates the services' roles and databases. */
    String postgresSuperuser();

    String postgresPassword();

    @Override
    void close();

    /** The implementation the system property names, or null: the stack's own processes. */
    static ExternalServers fromSystemProperty() {
        String name = System.getProperty(PROPERTY, "");
        if (name.isBlank()) {
            return null;
        }
        try {
            return (ExternalServers) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(PROPERTY + "=" + name + " cannot be instantiated: " + e, e);
        }
    }
}
