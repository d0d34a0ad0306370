package io.sovereign.settlement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sovereign.settlement.chain.BondTokenContract;
import io.sovereign.settlement.chain.ContractRevertException;
import io.sovereign.settlement.chain.IdentityRegistryContract;
import io.sovereign.settlement.chain.OnChainIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import org.web3j.utils.Numeric;

/**
 * Makes the chain follow the investor register (tasks {@link ChainTasks#SYNC_INVESTOR}), reading
 * the register as it is when the task runs, so that tasks are idempotent and their order does not
 * matter:
 * <ul>
 * <li>APPROVED with a wallet: the wallet is registered in the identity registry to the investor,
 * with its country, verified, and frozen on no token;</li>
 * <li>SUSPENDED: the wallet is not verified (it can neither receive nor send) and is frozen on
 * every token;</li>
 * <li>PENDING (a new or changed wallet awaiting KYC) or REJECTED: nothing changes on chain.</li>
 * </ul>
 * Each step reads the chain first and sends only what differs.
 */
@ApplicationScoped
public class InvestorChainSync {

    private static final Logger LOG = Logger.getLogger(InvestorChainSync.class);
    private static final int BATCH = 50;

    private final ChainTasks tasks;
    private final InvestorRegister investors;
    private final Ledger ledger;
    private final BondTokens tokens;

    public InvestorChainSync(ChainTasks tasks, InvestorRegister investors, Ledger ledger, BondTokens tokens) {
        this.tasks = tasks;
        this.investors = investors;
        this.ledger = ledger;
        this.tokens = tokens;
    }

    /**
     * Runs the due tasks. A rule the chain refuses fails that task alone (retried with backoff);
     * a node error stops the run and is thrown to the worker.
     *
     * @return tasks done
     */
    public int run() {
        int done = 0;
        for (ChainTasks.Task task : tasks.due(ChainTasks.SYNC_INVESTOR, BATCH)) {
            try {
                sync(task.subject());
                tasks.done(task);
                done++;
            } catch (ContractRevertException | IllegalStateException e) {
                LOG.warnf("Investor %s not synchronised on chain (attempt %d): %s", task.subject(), task.attempts() + 1,
                        e.getMessage());
                tasks.failed(task, e.getMessage());
            }
        }
        return done;
    }

    private void sync(String investorId) {
        InvestorRegister.Investor investor = QuarkusTransaction.requiringNew().call(() -> investors.find(investorId))
                .orElseThrow(() -> new IllegalStateException("No investor " + investorId + " in the register"));
        String wallet = investor.walletAddress();
        if (wallet == null) {
            return;
        }
        IdentityRegistryContract registry = ledger.contracts().registry();
        switch (investor.kycStatus()) {
            case "APPROVED" -> approve(registry, investor, wallet);
            case "SUSPENDED" -> suspend(registry, investor, wallet);
            default -> LOG.debugf("Investor %s is %s: nothing to do on chain", investorId, investor.kycStatus());
        }
    }

    private void approve(IdentityRegistryContract registry, InvestorRegister.Investor investor, String wallet) {
        if (investor.country() == null) {
            throw new IllegalStateException("Investor " + investor.investorId() + " has no country in the register");
        }
        if (!registry.contains(wallet)) {
            registry.registerIdentity(wallet, investor.investorId(), investor.country());
            LOG.infof("Wallet %s of investor %s registered and verified on chain", wallet, investor.investorId());
        } else {
            String onChain = registry.investorIdOf(wallet);
            String expected = Numeric.toHexString(OnChainIds.investorId(investor.investorId()));
            if (!onChain.equalsIgnoreCase(expected)) {
                throw new IllegalStateException("Wallet " + wallet + " is registered on chain to another investor");
            }
            if (!investor.country().equals(registry.countryOf(wallet))) {
                registry.updateCountry(wallet, investor.country());
            }
            if (!registry.isVerified(wallet)) {
                registry.setVerified(wallet, true);
                LOG.infof("Wallet %s of investor %s verified again", wallet, investor.investorId());
            }
        }
        for (BondTokenContract token : tokens.all()) {
            if (token.isFrozen(wallet)) {
                token.setAddressFrozen(wallet, false);
                LOG.infof("Wallet %s unfrozen on %s", wallet, token.address());
            }
        }
    }

    private void suspend(IdentityRegistryContract registry, InvestorRegister.Investor investor, String wallet) {
        if (registry.contains(wallet) && registry.isVerified(wallet)) {
            registry.setVerified(wallet, false);
        }
        List<BondTokenContract> all = tokens.all();
        for (BondTokenContract token : all) {
            if (!token.isFrozen(wallet)) {
                token.setAddressFrozen(wallet, true);
            }
        }
        LOG.infof("Investor %s suspended: wallet %s not verified and frozen on %d token(s)", investor.investorId(), wallet,
                all.size());
    }
}
