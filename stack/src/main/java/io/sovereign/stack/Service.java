package io.sovereign.stack;

import java.util.function.ToIntFunction;

/** The four Quarkus services: module directory, database and port. */
public enum Service {
    IDENTITY("identity", "identity", Ports::identity),
    AUCTION_CORE("auction-core", "auction_core", Ports::auctionCore),
    SETTLEMENT("settlement", "settlement", Ports::settlement),
    BIDDER_PORTAL("bidder-portal", "portal", Ports::portal);

    private final String module;
    private final String database;
    private final ToIntFunction<Ports> port;

    Service(String module, String database, ToIntFunction<Ports> port) {
        this.module = module;
        this.database = database;
        this.port = port;
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
