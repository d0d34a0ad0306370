package io.sovereign.auction.service;

import io.sovereign.auction.config.AuctionConfig;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.AuctionTerms;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.domain.Isin;
import io.sovereign.auction.domain.TermsViolation;
import io.sovereign.auction.mapping.AuctionMapper;
import io.sovereign.auction.repository.Auction;
import io.sovereign.auction.repository.AuctionRepository;
import io.sovereign.auction.rest.AnnounceAuctionRequest;
import io.sovereign.auction.rest.SecurityTerms;
import io.sovereign.kit.outbox.Outbox;
import io.sovereign.kit.problem.Problem;
import io.sovereign.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuctionService {

    private final AuctionRepository auctions;
    private final Outbox outbox;
    private final Clock clock;
    private final AuctionConfig config;
    private final AuctionLifecycle lifecycle;

    public AuctionService(AuctionRepository auctions, Outbox outbox, Clock clock, AuctionConfig config,
            AuctionLifecycle lifecycle) {
        this.auctions = auctions;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.lifecycle = lifecycle;
    }

    /** Validates and stores the auction, and announces it (AuctionAnnounced) in the same transaction. */
    @Transactional
    public Auction announce(AnnounceAuctionRequest request, String createdBy) {
        AuctionTerms terms = termsOf(request);
        List<TermsViolation> violations = terms.violations(clock.instant());
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The auction terms break " + violations.size() + " rule(s)",
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        Auction a = new Auction();
        a.auctionId = UUID.randomUUID().toString();
        a.status = AuctionStatus.ANNOUNCED;
        a.format = terms.format();
        a.bidBasis = terms.bidBasis();
        a.isin = terms.isin() != null ? terms.isin() : Isin.assign(config.isinPrefix(), auctions.nextIsinSerial());
        a.securityType = terms.securityType();
        a.issueDate = terms.issueDate();
        a.maturityDate = terms.maturityDate();
        a.datedDate = terms.datedDate();
        a.firstInterestPaymentDate = terms.firstInterestPaymentDate();
        a.couponRate = terms.couponRate();
        a.offeringAmount = terms.offeringAmount();
        a.maxAwardRatio = terms.maxAwardRatio();
        a.nonCompetitiveLimit = terms.nonCompetitiveLimit();
        a.minimumBid = terms.minimumBid();
        a.bidMultiple = terms.bidMultiple();
        a.rateIncrement = terms.bidBasis() == BidBasis.PRICE ? null : terms.rateIncrement();
        a.priceIncrement = terms.bidBasis() == BidBasis.PRICE ? terms.priceIncrement() : null;
        a.biddingOpensAt = terms.biddingOpensAt();
        a.nonCompetitiveClosesAt = terms.nonCompetitiveClosesAt();
        a.competitiveClosesAt = terms.competitiveClosesAt();
        a.createdBy = createdBy;
        a.createdAt = Instant.now(clock);
        auctions.persist(a);
        outbox.publish(AuctionMapper.toAnnounced(a));
        lifecycle.schedule(a); // a timer that fires before the commit finds nothing; the sweep follows
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Auction> list(AuctionStatus status) {
        return auctions.listByStatus(status);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Auction> find(String auctionId) {
        return auctions.findByIdOptional(auctionId);
    }

    private static AuctionTerms termsOf(AnnounceAuctionRequest r) {
        SecurityTerms s = r.security();
        return AuctionTerms.withDefaults(r.format(), r.bidBasis(), s.isin(), s.securityType(), s.issueDate(),
                s.maturityDate(), s.datedDate(), s.firstInterestPaymentDate(), s.couponRate(), r.offeringAmount(),
                r.maxAwardRatio(), r.nonCompetitiveLimit(), r.minimumBid(), r.bidMultiple(), r.rateIncrement(),
                r.priceIncrement(), r.biddingOpensAt(), r.nonCompetitiveClosesAt(), r.competitiveClosesAt());
    }
}
