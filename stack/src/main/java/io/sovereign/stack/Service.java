package io.sovereign.stack;

import java.util.function.ToIntFunction;

/** The four Quarkus services: module directory, database and port. */
public enum Service {
    IDENTITY("identity", "identity", Ports::identity, "IDENTITY_PORT"),
    AUCTION_CORE("auction-core", "auction_core", Ports::auctionCore, "AUCTION_CORE_PORT"),
    SETTLEMENT("settlement", "settlement", Ports::settlement, "SETTLEMENT_PORT"),
    BIDDER_PORTAL("bidder-portal", "portal", Ports::portal, "PORTAL_PORT");

    private final String module;
    private final String database;
    private final ToIntFunction<Ports> port;
    private final String portVariable;

    Service(String module, String database, ToIntFunction<Ports> port, String portVariable) {
        this.module = module;
        this.database = database;
        this.port = port;
        this.portVariable = portVariable;
    }

    /** The environment variable the service reads its HTTP port from. */
    public String portVariable() {
        return portVariable;
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
}
