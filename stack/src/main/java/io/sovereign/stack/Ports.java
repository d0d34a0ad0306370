package io.sovereign.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Every port of the stack; API.md gives the defaults, environment variables override them. Each
 * service has two: its API port and its management port (API port + 1000: {@code /q/health},
 * {@code /q/metrics}).
 */
public record Ports(int portal, int auctionCore, int settlement, int identity, int keycloak,
        int keycloakManagement, int kafka, int kafkaController, int postgres, int evm,
        int portalManagement, int auctionCoreManagement, int settlementManagement, int identityManagement) {

    /** How far a service's management port lies above its API port, by default (replicas too). */
    public static final int MANAGEMENT_OFFSET = 1000;

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 8180, 9000, 9092, 9093, 15432, 8545,
                9080, 9081, 9082, 9083);
    }

    /** The same ports shifted by {@code delta}: a second stack (the tests') beside a running one. */
    public Ports shifted(int delta) {
        return map(p -> p + delta);
    }

    /** Overrides from variables such as {@code AUCTION_CORE_PORT}; others keep these values. */
    public Ports withOverrides(Map<String, String> env) {
        Map<String, Integer> byName = byEnvName();
        byName.replaceAll((name, port) -> env.containsKey(name) ? parse(name, env.get(name)) : port);
        return new Ports(byName.get("PORTAL_PORT"), byName.get("AUCTION_CORE_PORT"), byName.get("SETTLEMENT_PORT"),
                byName.get("IDENTITY_PORT"), byName.get("KEYCLOAK_PORT"), byName.get("KEYCLOAK_MANAGEMENT_PORT"),
                byName.get("KAFKA_PORT"), byName.get("KAFKA_CONTROLLER_PORT"), byName.get("PG_PORT"),
                byName.get("EVM_PORT"), byName.get("PORTAL_MANAGEMENT_PORT"), byName.get("AUCTION_CORE_MANAGEMENT_PORT"),
                byName.get("SETTLEMENT_MANAGEMENT_PORT"), byName.get("IDENTITY_MANAGEMENT_PORT"));
    }

    /** Ports by the environment variable that sets each, in start order. */
    public Map<String, Integer> byEnvName() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("PG_PORT", postgres);
        m.put("KAFKA_PORT", kafka);
        m.put("KAFKA_CONTROLLER_PORT", kafkaController);
        m.put("KEYCLOAK_PORT", keycloak);
        m.put("KEYCLOAK_MANAGEMENT_PORT", keycloakManagement);
        m.put("EVM_PORT", evm);
        m.put("IDENTITY_PORT", identity);
        m.put("IDENTITY_MANAGEMENT_PORT", identityManagement);
        m.put("AUCTION_CORE_PORT", auctionCore);
        m.put("AUCTION_CORE_MANAGEMENT_PORT", auctionCoreManagement);
        m.put("SETTLEMENT_PORT", settlement);
        m.put("SETTLEMENT_MANAGEMENT_PORT", settlementManagement);
        m.put("PORTAL_PORT", portal);
        m.put("PORTAL_MANAGEMENT_PORT", portalManagement);
        return m;
    }

    private Ports map(IntUnaryOperator f) {
        return new Ports(f.applyAsInt(portal), f.applyAsInt(auctionCore), f.applyAsInt(settlement),
                f.applyAsInt(identity), f.applyAsInt(keycloak), f.applyAsInt(keycloakManagement), f.applyAsInt(kafka),
                f.applyAsInt(kafkaController), f.applyAsInt(postgres), f.applyAsInt(evm), f.applyAsInt(portalManagement),
                f.applyAsInt(auctionCoreManagement), f.applyAsInt(settlementManagement), f.applyAsInt(identityManagement));
    }

    private static int parse(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }
}
