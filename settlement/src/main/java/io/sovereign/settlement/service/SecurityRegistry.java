package io.sovereign.settlement.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.sovereign.events.AuctionAnnounced;
import io.sovereign.events.AuctionResultsPublished;
import io.sovereign.events.InvestorApproved;
import io.sovereign.events.InvestorSuspended;
import io.sovereign.events.WalletRegistered;
import io.sovereign.events.CloudEvent;
import io.sovereign.events.PlatformEvent;
import io.sovereign.kit.inbox.Inbox;
import io.sovereign.settlement.repository.Security;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What settlement learns from events: securities from auction announcements, settlement
 * instructions from published results, the investor register from identity.
 */
@ApplicationScoped
public class SecurityRegistry {

    private static final Logger LOG = Logger.getLogger(SecurityRegistry.class);

    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final SettlementInstructions instructions;
    private final InvestorRegister investors;
    private final ChainTasks tasks;

    public SecurityRegistry(Inbox inbox, MeterRegistry metrics, SettlementInstructions instructions,
            InvestorRegister investors, ChainTasks tasks) {
        this.inbox = inbox;
        this.metrics = metrics;
        this.instructions = instructions;
        this.investors = investors;
        this.tasks = tasks;
    }

    /**
     * Applies an auction event exactly once: a redelivery (same event id) changes nothing.
     *
     * @return true if the event was applied, false if it had been processed before
     */
    @Transactional
    public boolean apply(CloudEvent<PlatformEvent> event) {
        if (!inbox.firstDelivery(event)) {
            metrics.counter("settlement.events.duplicates", "type", event.type()).increment();
            LOG.debugf("Event %s (%s) already processed", event.id(), event.type());
            return false;
        }
        Instant at = event.time() == null ? Instant.now() : event.time();
        if (event.data() instanceof AuctionAnnounced announced) {
            register(announced);
        } else if (event.data() instanceof AuctionResultsPublished published) {
            couponSet(published);
            int created = instructions.create(published);
            LOG.infof("Auction %s published: %d settlement instruction(s)", published.auctionId(), created);
        } else if (event.data() instanceof WalletRegistered w) {
            investors.walletRegistered(w, at);
            tasks.request(ChainTasks.SYNC_INVESTOR, w.investorId());
        } else if (event.data() instanceof InvestorApproved a) {
            investors.approved(a, at);
            tasks.request(ChainTasks.SYNC_INVESTOR, a.investorId());
        } else if (event.data() instanceof InvestorSuspended s) {
            investors.suspended(s, at);
            tasks.request(ChainTasks.SYNC_INVESTOR, s.investorId());
        }
        metrics.counter("settlement.events.applied", "type", event.type()).increment();
        return true;
    }

    private void register(AuctionAnnounced a) {
        Security existing = Security.findById(a.isin());
        if (existing != null) {
            // a reopening announces an ISIN settlement already knows: the token stays the same
            LOG.infof("Auction %s reopens %s", a.auctionId(), a.isin());
            return;
        }
        Security s = new Security();
        s.isin = a.isin();
        s.auctionId = a.auctionId();
        s.securityType = a.securityType();
        s.issueDate = a.issueDate();
        s.maturityDate = a.maturityDate();
        s.couponRate = a.couponRate();
        s.registeredAt = Instant.now();
        s.persist();
        if (BondTokens.terms(s).isPresent()) {
            tasks.request(ChainTasks.DEPLOY_TOKEN, s.isin);
        }
    }

    /** The results of a new note or bond set its coupon: now its token can be deployed. */
    private void couponSet(AuctionResultsPublished published) {
        Security s = Security.findById(published.isin());
        if (s == null) {
            // the announcement comes first on the same partition; a security is never lost for it
            s = new Security();
            s.isin = published.isin();
            s.auctionId = published.auctionId();
            s.securityType = published.securityType();
            s.issueDate = published.issueDate();
            s.maturityDate = published.maturityDate();
            s.registeredAt = Instant.now();
            s.persist();
        }
        if (s.couponRate == null && published.couponRate() != null) {
            s.couponRate = published.couponRate();
        }
        if (s.tokenAddress == null && BondTokens.terms(s).isPresent()) {
            tasks.request(ChainTasks.DEPLOY_TOKEN, s.isin);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Security> list() {
        return Security.listAll(io.quarkus.panache.common.Sort.by("maturityDate").and("isin"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Security> find(String isin) {
        return Security.findByIdOptional(isin);
    }
}
