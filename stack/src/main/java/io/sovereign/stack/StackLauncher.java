package io.sovereign.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up [--no-demo]}: start the platform in the foreground until Ctrl-C or SIGTERM;
 * {@code down}: stop the stack started from this directory; {@code status}: each part and its URL;
 * {@code demo}: the demo against a running stack.
 */
public final class StackLauncher {

    private StackLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path root = StackConfig.findProjectRoot(Path.of(System.getProperty("user.dir")));
        StackConfig config = StackConfig.fromEnvironment(root, System.getenv());
        String command = args.length == 0 ? "up" : args[0];
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        int code = switch (command) {
            case "up" -> up(config, !options.contains("--no-demo"));
            case "down" -> down(config);
            case "status" -> status(config);
            case "demo" -> demo(config);
            default -> {
                System.err.println("usage: StackLauncher up [--no-demo] | down | status | demo");
                yield 2;
            }
        };
        System.exit(code);
    }

    private static int up(StackConfig config, boolean demo) throws InterruptedException {
        Stack stack;
        try {
            stack = Stack.acquire(config);
        } catch (RuntimeException e) {
            System.err.println("[stack] " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before anything starts: Ctrl-C or SIGTERM during the start stops what is running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "stack-shutdown"));
        try {
            stack.boot();
        } catch (RuntimeException e) {
            System.err.println("[stack] failed to start: " + e.getMessage());
            return 1;
        }
        printSummary(config);
        if (demo && demo(config) != 0) {
            // the exit runs the shutdown hook, which stops the stack
            System.err.println("[stack] stopping the stack: the demo failed");
            return 1;
        }
        System.out.println("[stack] running; Ctrl-C (or ./platform down) stops everything");
        stopped.await();
        return 0;
    }

    private static int demo(StackConfig config) {
        try {
            new Demo(config).run();
            return 0;
        } catch (Exception e) {
            System.out.flush();
            System.err.println("[stack] DEMO FAILED: " + (e.getMessage() != null ? e.getMessage() : e));
            return 1;
        }
    }

    private static int down(StackConfig config) throws Exception {
        Path pidFile = config.stackDir().resolve("launcher.pid");
        Optional<ProcessHandle> launcher = Files.exists(pidFile)
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()))
                : Optional.empty();
        if (launcher.isPresent() && launcher.get().isAlive()
                && Child.commandLine(launcher.get().pid()).contains("stack")) {
            System.out.println("[stack] stopping the stack (launcher pid " + launcher.get().pid() + ")");
            launcher.get().destroy();
            launcher.get().onExit().get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        int leftovers = Child.killLeftovers(config);
        PostgresServer.stopOrphan(config.stackDir().resolve("postgres"));
        Files.deleteIfExists(pidFile);
        Files.deleteIfExists(config.stackDir().resolve("ready"));
        List<String> busy = config.ports().byEnvName().entrySet().stream()
                .filter(e -> Probe.tcpOpen(e.getValue())).map(e -> e.getValue() + " (" + e.getKey() + ")").toList();
        System.out.println(leftovers > 0 ? "[stack] stopped " + leftovers + " leftover process(es)" : "[stack] stopped");
        if (!busy.isEmpty()) {
            System.out.println("[stack] ports still answering (another program?): " + String.join(", ", busy));
            return 1;
        }
        return 0;
    }

    private static int status(StackConfig config) {
        Ports p = config.ports();
        boolean all = true;
        all &= line("PostgreSQL", "jdbc:postgresql://127.0.0.1:" + p.postgres() + "/<service>", Probe.tcpOpen(p.postgres()));
        all &= line("Kafka", config.kafkaBootstrap(), Probe.tcpOpen(p.kafka()));
        all &= line("Keycloak", config.keycloakUrl() + " (realm sovereign, admin/admin)",
                Probe.httpOk("http://127.0.0.1:" + p.keycloakManagement() + "/health/ready"));
        all &= line("EVM node", config.evmUrl() + " (chain id 31337)", Probe.tcpOpen(p.evm()));
        for (Service s : Service.values()) {
            all &= line(s.module(), config.serviceUrl(s) + " (management " + config.managementUrl(s) + ")",
                    Probe.httpOk(config.managementUrl(s) + "/q/health/ready"));
        }
        return all ? 0 : 3;
    }

    private static boolean line(String part, String url, boolean up) {
        System.out.printf("  %-14s %-5s %s%n", part, up ? "UP" : "DOWN", url);
        return up;
    }

    private static void printSummary(StackConfig config) {
        System.out.println();
        System.out.println("Sovereign primary-auction platform is up:");
        status(config);
        System.out.println("  portal (browser): http://localhost:" + config.ports().portal());
        System.out.println("  OpenAPI: <service>/q/openapi · on each management port: /q/health/ready, /q/metrics");
        System.out.println("Dev users (password = user name + -pw), token via client platform-cli:");
        DevUsers.PEOPLE.forEach(u -> System.out.printf("  %-12s %s%n", u.username(), u.roles()));
        System.out.println("Dealer systems (client credentials, secret = client id + -secret): "
                + String.join(", ", DevUsers.DEALERS));
        if (config.mfa()) {
            System.out.println("MFA on: desk2, compliance1 and operator1 enter a one-time password at browser login;"
                    + " dev TOTP secrets (Base32 for an authenticator app):");
            DevUsers.TOTP_SECRETS.forEach((user, secret) -> System.out.printf("  %-12s %s%n", user,
                    Base32.encode(secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        } else {
            System.out.println("MFA off (./platform up --mfa asks the privileged people for a one-time password)");
        }
        System.out.println("Logs: " + config.logs());
    }

}
