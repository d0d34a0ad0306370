package io.sovereign.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line: {@code --name value} pairs and a few switches, every one with a default for the local stack. */
record Options(
        Duration duration,
        Duration warmup,
        int clients,
        double targetBidsPerSecond,
        String auctionCoreUrl,
        String auctionCoreManagementUrl,
        String keycloakUrl,
        String realm,
        List<String> dealers,
        Duration closeMargin,
        Duration requestTimeout,
        boolean goal,
        double goalBidsPerSecond,
        double goalP99Millis,
        Duration goalDuration,
        boolean rawHttp) {

    static final String USAGE = """
            usage: java -jar loadgen/target/loadgen.jar [options]
              --duration SECONDS        measured window (default 60)
              --warmup SECONDS          load before the measured window, not counted (default 10)
              --clients N               concurrent virtual clients, spread over the dealers (default 64)
              --rate BIDS_PER_S         open loop at this total rate; 0 = closed loop, as fast as answers come (default 0)
              --auction-core-url URL    (default http://localhost:8081)
              --auction-core-management-url URL
                                        its management interface, for the readiness check (default http://localhost:9081)
              --keycloak-url URL        (default http://127.0.0.1:8180)
              --realm NAME              (default sovereign)
              --dealers a,b,c           dealer client ids, secret <id>-secret (default dealer-01,dealer-02,dealer-03)
              --close-margin SECONDS    the auction closes this long after the run's end (default 15)
              --timeout SECONDS         per-request timeout (default 10)
              --http raw|jdk            bid requests through a lean keep-alive socket client (raw, default)
                                        or java.net.http.HttpClient (jdk: about 15x the client CPU per bid)
              --no-goal                 do not fail the run on the goal (smoke runs); durability is always checked
              --goal-rate BIDS_PER_S    goal: sustained accepted bids/s (default 2000)
              --goal-p99-ms MS          goal: p99 latency (default 100)
              --goal-duration SECONDS   goal: shortest measured window that counts (default 60)
            """;

    static Options defaults() {
        return new Options(Duration.ofSeconds(60), Duration.ofSeconds(10), 64, 0, "http://localhost:8081",
                "http://localhost:9081", "http://127.0.0.1:8180", "sovereign", List.of("dealer-01", "dealer-02", "dealer-03"),
                Duration.ofSeconds(15), Duration.ofSeconds(10), true, 2000, 100, Duration.ofSeconds(60), true);
    }

    static Options parse(String... args) {
        Options o = defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-goal")) {
                o = o.with(b -> b.goal = false);
                continue;
            }
            if (a.equals("--goal")) {
                o = o.with(b -> b.goal = true);
                continue;
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                value = args[++i];
            }
            String v = value;
            String opt = name;
            o = switch (opt) {
                case "--duration" -> o.with(b -> b.duration = seconds(opt, v));
                case "--warmup" -> o.with(b -> b.warmup = seconds(opt, v));
                case "--clients" -> o.with(b -> b.clients = positiveInt(opt, v));
                case "--rate" -> o.with(b -> b.targetBidsPerSecond = nonNegative(opt, v));
                case "--auction-core-url" -> o.with(b -> b.auctionCoreUrl = stripSlash(v));
                case "--auction-core-management-url" -> o.with(b -> b.auctionCoreManagementUrl = stripSlash(v));
                case "--keycloak-url" -> o.with(b -> b.keycloakUrl = stripSlash(v));
                case "--realm" -> o.with(b -> b.realm = v);
                case "--dealers" -> o.with(b -> b.dealers = dealers(v));
                case "--close-margin" -> o.with(b -> b.closeMargin = seconds(opt, v));
                case "--timeout" -> o.with(b -> b.requestTimeout = seconds(opt, v));
                case "--goal-rate" -> o.with(b -> b.goalBidsPerSecond = nonNegative(opt, v));
                case "--goal-p99-ms" -> o.with(b -> b.goalP99Millis = nonNegative(opt, v));
                case "--goal-duration" -> o.with(b -> b.goalDuration = seconds(opt, v));
                case "--http" -> o.with(b -> b.rawHttp = switch (v) {
                    case "raw" -> true;
                    case "jdk" -> false;
                    default -> throw new IllegalArgumentException("--http is raw or jdk, not " + v);
                });
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        if (o.duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (o.requestTimeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        return o;
    }

    boolean openLoop() {
        return targetBidsPerSecond > 0;
    }

    String tokenUrl() {
        return keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private Options with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static Duration seconds(String name, String v) {
        double s = nonNegative(name, v);
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static int positiveInt(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not " + v);
    }

    private static double nonNegative(String name, String v) {
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number >= 0, not " + v);
    }

    private static List<String> dealers(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--dealers needs at least one client id");
        }
        return List.copyOf(out);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static final class Builder {
        Duration duration;
        Duration warmup;
        int clients;
        double targetBidsPerSecond;
        String auctionCoreUrl;
        String auctionCoreManagementUrl;
        String keycloakUrl;
        String realm;
        List<String> dealers;
        Duration closeMargin;
        Duration requestTimeout;
        boolean goal;
        double goalBidsPerSecond;
        double goalP99Millis;
        Duration goalDuration;
        boolean rawHttp;

        Builder(Options o) {
            duration = o.duration;
            warmup = o.warmup;
            clients = o.clients;
            targetBidsPerSecond = o.targetBidsPerSecond;
            auctionCoreUrl = o.auctionCoreUrl;
            auctionCoreManagementUrl = o.auctionCoreManagementUrl;
            keycloakUrl = o.keycloakUrl;
            realm = o.realm;
            dealers = o.dealers;
            closeMargin = o.closeMargin;
            requestTimeout = o.requestTimeout;
            goal = o.goal;
            goalBidsPerSecond = o.goalBidsPerSecond;
            goalP99Millis = o.goalP99Millis;
            goalDuration = o.goalDuration;
            rawHttp = o.rawHttp;
        }

        Options build() {
            return new Options(duration, warmup, clients, targetBidsPerSecond, auctionCoreUrl, auctionCoreManagementUrl, keycloakUrl,
                    realm, dealers,
                    closeMargin, requestTimeout, goal, goalBidsPerSecond, goalP99Millis, goalDuration, rawHttp);
        }
    }
}
