package io.sovereign.identity.config;

import io.quarkus.runtime.StartupEvent;
import io.sovereign.events.InvestorApproved;
import io.sovereign.events.WalletRegistered;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.identity.repository.Investor;
import io.sovereign.identity.repository.InvestorType;
import io.sovereign.identity.repository.KycStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * API.md "Dev seed": the three dealers and retail1 are APPROVED investors whose wallets are
 * Hardhat's deterministic accounts #1–#4. Only with {@code sovereign.dev-seed.enabled=true} (the
 * local stack sets it); records that exist are left as they are.
 */
@ApplicationScoped
public class DevSeed {

    /** retail1's token subject: the fixed user id in identity's dev realm. */
    public static final String RETAIL1_SUBJECT = "00000000-0000-4000-8000-000000000006";

    private static final Logger LOG = Logger.getLogger(DevSeed.class);

    record Seed(String investorId, InvestorType type, String legalName, String country, String wallet) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("dealer-01", InvestorType.PRIMARY_DEALER, "Dealer One Securities", "US",
                    "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            new Seed("dealer-02", InvestorType.PRIMARY_DEALER, "Dealer Two Capital Markets", "GB",
                    "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"),
            new Seed("dealer-03", InvestorType.PRIMARY_DEALER, "Dealer Three Bank", "DE",
                    "0x90F79bf6EB2c4f870365E785982E1f101E93b906"),
            new Seed(RETAIL1_SUBJECT, InvestorType.RETAIL, "Retail One", "US",
                    "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"));

    private final boolean enabled;
    private final Outbox outbox;

    public DevSeed(@ConfigProperty(name = "sovereign.dev-seed.enabled") boolean enabled, Outbox outbox) {
        this.enabled = enabled;
        this.outbox = outbox;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        Instant now = Instant.now();
        int created = 0;
        for (Seed s : SEEDS) {
            if (Investor.findById(s.investorId()) != null) {
                continue;
            }
            Investor i = new Investor();
            i.investorId = s.investorId();
            i.investorType = s.type();
            i.legalName = s.legalName();
            i.country = s.country();
            i.walletAddress = s.wallet();
            i.kycStatus = KycStatus.APPROVED;
            i.createdAt = now;
            i.updatedAt = now;
            i.persist();
            // settlement whitelists approved wallets from these events, seeded investors included
            outbox.publish(new WalletRegistered(i.investorId, i.walletAddress, i.country, i.investorType.name()));
            outbox.publish(new InvestorApproved(i.investorId, i.investorType.name(), i.country, i.walletAddress, now));
            created++;
        }
        LOG.infof("Dev seed: %d investor record(s) created", created);
    }
}
