package io.sovereign.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the four Quarkus services, run from its built fast-jar. */
final class ServiceProcess {

    private ServiceProcess() {
    }

    static Path jar(StackConfig config, Service service) {
        return config.projectRoot().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static Child start(StackConfig config, Service service) {
        Ports ports = config.ports();
        return start(config, service, service.port(ports), service.managementPort(ports), service.module(), Map.of());
    }

    /**
     * Starts an instance of a service listening on {@code port} and {@code managementPort} (another
     * replica when they are not the service's own: same database, Kafka consumer group and chain),
     * logging to {@code name}.log, with {@code extra} added to the environment.
     */
    static Child start(StackConfig config, Service service, int port, int managementPort, String name,
            Map<String, String> extra) {
        Path jar = jar(config, service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -T1 package -DskipTests)");
        }
        Ports ports = config.ports();
        Map<String, String> env = new HashMap<>();
        ports.byEnvName().forEach((var, p) -> env.put(var, Integer.toString(p)));
        env.put(service.portVariable(), Integer.toString(port));
        env.put(service.managementPortVariable(), Integer.toString(managementPort));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_USER", service.database());
        env.put("DB_PASSWORD", service.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        // each service is its own Kafka principal, allowed only its own topics (KafkaUsers)
        env.put("KAFKA_USERNAME", KafkaUsers.principal(service));
        env.put("KAFKA_PASSWORD", KafkaUsers.password(KafkaUsers.principal(service)));
        env.put("KEYCLOAK_URL", config.keycloakUrl());
        env.put("EVM_RPC_URL", config.evmUrl());
        env.put("DEV_SEED", "true");
        if (service == Service.SETTLEMENT) {
            // the token agent signs with Hardhat's account #0, a public development key
            env.put("EVM_AGENT_KEY", EvmNode.AGENT_KEY);
            // the Hardhat node starts empty every time while PostgreSQL keeps its data
            env.put("EVM_REDEPLOY_IF_MISSING", "true");
        }
        env.putAll(extra);
        // auction-core clears simulations of up to a million bids in memory and takes the bid load:
        // it keeps the C2 compiler (the RSA check of every bearer token needs its BigInteger
        // intrinsics: 2.5x less CPU per request, docs/benchmarks.md); the others start faster on C1
        boolean core = service == Service.AUCTION_CORE;
        List<String> cmd = new java.util.ArrayList<>(List.of(Stack.javaBin(), "-Xms32m", core ? "-Xmx768m" : "-Xmx256m",
                "-XX:+UseSerialGC"));
        if (!core) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(List.of("-Dlocal.stack=" + config.stackDir(), "-jar", jar.toString()));
        return Child.start(config, name, cmd, config.projectRoot().resolve(service.module()), env,
                "local.stack=" + config.stackDir());
    }

    static void awaitReady(StackConfig config, Service service, Child child) {
        awaitReady(service.module(), config.managementUrl(service), child);
    }

    /** Waits for {@code /q/health/ready} on the management interface at {@code managementUrl}. */
    static void awaitReady(String name, String managementUrl, Child child) {
        String url = managementUrl + "/q/health/ready";
        Probe.await(name, Duration.ofSeconds(180), child, () -> Probe.httpOk(url));
    }
}
