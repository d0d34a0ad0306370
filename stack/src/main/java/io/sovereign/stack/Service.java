package io.sovereign.stack;

import java.util.function.ToIntFunction;

/** The four Quarkus services: module directory, database, API port and management port. */
public enum Service {
    IDENTITY("identity", "identity", Ports::identity, "IDENTITY_PORT", Ports::identityManagement,
            "IDENTITY_MANAGEMENT_PORT"),
    AUCTION_CORE("auction-core", "auction_core", Ports::auctionCore, "AUCTION_CORE_PORT", Ports::auctionCoreManagement,
            "AUCTION_CORE_MANAGEMENT_PORT"),
    SETTLEMENT("settlement", "settlement", Ports::settlement, "SETTLEMENT_PORT", Ports::settlementManagement,
            "SETTLEMENT_MANAGEMENT_PORT"),
    BIDDER_PORTAL("bidder-portal", "portal", Ports::portal, "PORTAL_PORT", Ports::portalManagement,
            "PORTAL_MANAGEMENT_PORT");

    private final String module;
    private final String database;
    private final ToIntFunction<Ports> port;
    private final String portVariable;
    private final ToIntFunction<Ports> managementPort;
    private final String managementPortVariable;

    Service(String module, String database, ToIntFunction<Ports> port, String portVariable,
            ToIntFunction<Ports> managementPort, String managementPortVariable) {
        this.module = module;
        this.database = database;
        this.port = port;
        this.portVariable = portVariable;
        this.managementPort = managementPort;
        this.managementPortVariable = managementPortVariable;
    }

    /** The environment variable the service reads its HTTP (API) port from. */
    public String portVariable() {
        return portVariable;
    }

    /** The environment variable the service reads its management port ({@code /q/health}, {@code /q/metrics}) from. */
    public String managementPortVariable() {
        return managementPortVariable;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int port(Ports ports) {
        return port.applyAsInt(ports);
    }

    public int managementPort(Ports ports) {
        return managementPort.applyAsInt(ports);
    }
}
