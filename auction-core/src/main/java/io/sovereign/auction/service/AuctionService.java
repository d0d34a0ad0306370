package io.sovereign.auction.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sovereign.auction.audit.AuditLog;
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
import io.sovereign.kit.idempotency.Idempotency;
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
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public AuctionService(AuctionRepository auctions, Outbox outbox, Clock clock, AuctionConfig config,
            AuctionLifecycle lifecycle, AuditLog audit, Idempotency idempotency, ObjectMapper json) {
        this.audit = audit;
        this.idempotency = idempotency;
        this.json = json;
        this.auctions = auctions;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.lifecycle = lifecycle;
    }

    /** An announcement's response: the auction's id and its JSON (the original one for a repeated key). */
    public record Announced(String auctionId, String body) {
    }

    /**
     * Validates and stores the auction, and announces it (AuctionAnnounced) in the same
     * transaction; with an Idempotency-Key, a repeated request gets the original response.
     */
    @Transactional
    public Announced announce(AnnounceAuctionRequest request, String createdBy, String idempotencyKey) {
        String requestHash = null;
        if (idempotencyKey != null) {
            requestHash = Idempotency.hash(write(request));
            var prior = idempotency.claim(createdBy, "auctions", idempotencyKey, requestHash);
            if (prior.isPresent()) {
                return new Announced(read(prior.get().body()).path("auctionId").asText(), prior.get().body());
            }
        }
        Auction a = create(request, createdBy);
        String body = write(AuctionMapper.toView(a));
        if (idempotencyKey != null) {
            idempotency.remember(createdBy, "auctions", idempotencyKey, requestHash, 201, body);
        }
        return new Announced(a.auctionId, body);
    }

    private Auction create(AnnounceAuctionRequest request, String createdBy) {
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
        audit.record(a.auctionId, a.createdAt, createdBy, AuditLog.Action.ANNOUNCED, "ISIN " + a.isin + ", "
                + a.securityType + ", offering " + a.offeringAmount + ", closes " + a.competitiveClosesAt);
        lifecycle.schedule(a); // a timer that fires before the commit finds nothing; the sweep follows
        return a;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
