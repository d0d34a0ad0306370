package io.sovereign.settlement.config;

import io.quarkus.runtime.StartupEvent;
import io.sovereign.settlement.service.CashLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * API.md "Dev seed": the dev investors' cash accounts are funded, 100,000,000,000.00 for each
 * dealer and 1,000,000.00 for retail1, from the settlement bank. Only with
 * {@code sovereign.dev-seed.enabled=true} (the local stack sets it); one journal per investor
 * ("dev-seed:&lt;investorId&gt;"), posted once whatever the number of starts.
 */
@ApplicationScoped
public class DevSeed {

    /** retail1's investor id: its token subject, the fixed user id of identity's dev realm. */
    static final String RETAIL1 = "00000000-0000-4000-8000-000000000006";

    private static final Logger LOG = Logger.getLogger(DevSeed.class);
    private static final BigDecimal DEALER_CASH = new BigDecimal("100000000000.00");
    private static final Map<String, BigDecimal> SEEDS = Map.of("dealer-01", DEALER_CASH, "dealer-02", DEALER_CASH,
            "dealer-03", DEALER_CASH, RETAIL1, new BigDecimal("1000000.00"));

    private final boolean enabled;
    private final CashLedger ledger;

    public DevSeed(@ConfigProperty(name = "sovereign.dev-seed.enabled") boolean enabled, CashLedger ledger) {
        this.enabled = enabled;
        this.ledger = ledger;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        int funded = 0;
        for (Map.Entry<String, BigDecimal> seed : SEEDS.entrySet()) {
            if (ledger.post("dev-seed:" + seed.getKey(), "DEPOSIT", "dev seed",
                    CashLedger.transfer(CashLedger.SETTLEMENT_BANK, CashLedger.investorAccount(seed.getKey()), seed.getValue()))) {
                funded++;
            }
        }
        LOG.infof("Dev seed: %d cash account(s) funded", funded);
    }
}
