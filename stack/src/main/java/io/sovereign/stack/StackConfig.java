package io.sovereign.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stack lives and how it runs.
 *
 * @param projectRoot the repository root (service jars, realm, chain project)
 * @param stackDir    data, logs and pid files of this stack (default {@code target/stack})
 * @param ports       every port
 * @param freshData   wipe PostgreSQL and Kafka data before starting (the tests do)
 * @param withServices start the four services too, not only the servers they need
 * @param mfa         bind the realm's browser flow that asks people with a privileged role
 *                    (supervisor, compliance officer, settlement operator) for a one-time password,
 *                    as production does ({@code ./platform up --mfa}, env {@code SOVEREIGN_MFA=true})
 */
public record StackConfig(Path projectRoot, Path stackDir, Ports ports, boolean freshData, boolean withServices,
        boolean mfa) {

    /** The environment variable that switches the second factor on for the dev realm. */
    public static final String MFA_ENV = "SOVEREIGN_MFA";

    public StackConfig {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        stackDir = stackDir.toAbsolutePath().normalize();
    }

    /** Without a second factor (the tests' stack: the MFA test switches it on at runtime). */
    public StackConfig(Path projectRoot, Path stackDir, Ports ports, boolean freshData, boolean withServices) {
        this(projectRoot, stackDir, ports, freshData, withServices, false);
    }

    /** The embedded defaults of {@code ./platform up}, with environment overrides. */
    public static StackConfig fromEnvironment(Path projectRoot, Map<String, String> env) {
        Path dir = env.containsKey("STACK_DIR") ? Path.of(env.get("STACK_DIR")) : projectRoot.resolve("target/stack");
        return new StackConfig(projectRoot, dir, Ports.defaults().withOverrides(env), false, true,
                Boolean.parseBoolean(env.getOrDefault(MFA_ENV, "false")));
    }

    /** Finds the repository root from a directory inside it (the one with mvnw and the stack module). */
    public static Path findProjectRoot(Path from) {
        for (Path p = from.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("stack"))) {
                return p;
            }
        }
        throw new IllegalStateException("Not inside the platform's repository: " + from.toAbsolutePath());
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + ports.keycloak();
    }

    public String issuer() {
        return keycloakUrl() + "/realms/sovereign";
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String evmUrl() {
        return "http://127.0.0.1:" + ports.evm();
    }

    public String serviceUrl(Service s) {
        return "http://127.0.0.1:" + s.port(ports);
    }

    /** A service's management interface: {@code /q/health}, {@code /q/metrics} (never on the API port). */
    public String managementUrl(Service s) {
        return "http://127.0.0.1:" + s.managementPort(ports);
    }

    public Path logs() {
        return stackDir.resolve("logs");
    }

    public Path pids() {
        return stackDir.resolve("pids");
    }
}
