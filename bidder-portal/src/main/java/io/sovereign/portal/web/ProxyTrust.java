package io.sovereign.portal.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal honours {@code X-Forwarded-Proto}, {@code -Host} and {@code -For} from its trusted
 * proxies only ({@code quarkus.http.proxy.trusted-proxies}, from {@code PORTAL_TRUSTED_PROXIES}).
 * Quarkus reads an empty list as "trust every address", and {@code 0.0.0.0/0} or {@code ::/0}
 * mean the same: then anyone could make the portal build login return addresses for a host of
 * their choosing and believe a plain request came over TLS. The portal refuses to start so.
 */
@ApplicationScoped
public class ProxyTrust {

    private static final Set<String> EVERYONE = Set.of("0.0.0.0/0", "::/0", "[::]/0");

    private final boolean forwarding;
    private final Optional<List<String>> trustedProxies;

    public ProxyTrust(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
            boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.forwarding = forwarding;
        this.trustedProxies = trustedProxies;
    }

    void check(@Observes StartupEvent event) {
        check(forwarding, trustedProxies);
    }

    /** Throws unless forwarded headers are off or trusted from named proxies only. */
    static void check(boolean forwarding, Optional<List<String>> trustedProxies) {
        if (!forwarding) {
            return;
        }
        List<String> proxies = trustedProxies.orElse(List.of()).stream().map(String::trim).filter(p -> !p.isEmpty())
                .toList();
        if (proxies.isEmpty()) {
            throw new IllegalStateException("PORTAL_TRUSTED_PROXIES is empty: forwarded headers would be trusted from "
                    + "every address. Name the proxies (the ingress controller's addresses or CIDR), e.g. 127.0.0.1");
        }
        for (String p : proxies) {
            if (EVERYONE.contains(p)) {
                throw new IllegalStateException("PORTAL_TRUSTED_PROXIES may not be " + p
                        + ": forwarded headers would be trusted from every address. Name the proxies' addresses or CIDR");
            }
        }
    }
}
