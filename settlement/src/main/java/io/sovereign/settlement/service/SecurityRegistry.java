package io.sovereign.settlement.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.sovereign.events.AuctionAnnounced;
import io.sovereign.events.AllocationsPublished;
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
 * What settlement learns from events: securities from auction announcements, published results
 * and their allocation chunks (booked by {@link Publications} once complete and verified), the
 * investor register from identity.
 */
@ApplicationScoped
public class SecurityRegistry {

    private static final Logger LOG = Logger.getLogger(SecurityRegistry.class);

    private final Inbox inbox;
    private final MeterRegistry metrics;
    private final Publications publications;
    private final InvestorRegister investors;
    private final ChainTasks tasks;

    public SecurityRegistry(Inbox inbox, MeterRegistry metrics, Publications publications,
            InvestorRegister investors, ChainTasks tasks) {
        this.inbox = inbox;
        this.metrics = metrics;
        this.publications = publications;
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
            publications.resultsReceived(event, published);
        } else if (event.data() instanceof AllocationsPublished chunk) {
            publications.chunkReceived(event, chunk);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Security> list() {
        return Security.listAll(io.quarkus.panache.common.Sort.by("maturityDate").and("isin"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Security> find(String isin) {
        return Security.findByIdOptional(isin);
    }
}
