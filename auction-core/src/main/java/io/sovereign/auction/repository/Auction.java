package io.sovereign.auction.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sovereign.auction.domain.AuctionFormat;
import io.sovereign.auction.domain.AuctionStatus;
import io.sovereign.auction.domain.BidBasis;
import io.sovereign.auction.domain.SecurityType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An auction and its announced terms. */
@Entity
@Table(name = "auction")
public class Auction extends PanacheEntityBase {
    @Id
    @Column(name = "auction_id")
    public String auctionId;
    @Enumerated(EnumType.STRING)
    public AuctionStatus status;
    @Enumerated(EnumType.STRING)
    public AuctionFormat format;
    @Enumerated(EnumType.STRING)
    @Column(name = "bid_basis")
    public BidBasis bidBasis;
    public String isin;
    @Enumerated(EnumType.STRING)
    @Column(name = "security_type")
    public SecurityType securityType;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "maturity_date")
    public LocalDate maturityDate;
    @Column(name = "dated_date")
    public LocalDate datedDate;
    @Column(name = "first_interest_payment_date")
    public LocalDate firstInterestPaymentDate;
    @Column(name = "coupon_rate")
    public BigDecimal couponRate;
    @Column(name = "offering_amount")
    public long offeringAmount;
    @Column(name = "max_award_ratio")
    public BigDecimal maxAwardRatio;
    @Column(name = "non_competitive_limit")
    public long nonCompetitiveLimit;
    @Column(name = "minimum_bid")
    public long minimumBid;
    @Column(name = "bid_multiple")
    public long bidMultiple;
    @Column(name = "rate_increment")
    public BigDecimal rateIncrement;
    @Column(name = "price_increment")
    public BigDecimal priceIncrement;
    @Column(name = "bidding_opens_at")
    public Instant biddingOpensAt;
    @Column(name = "non_competitive_closes_at")
    public Instant nonCompetitiveClosesAt;
    @Column(name = "competitive_closes_at")
    public Instant competitiveClosesAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Bids accepted so far (withdrawn ones included): the last bid's seq. */
    @Column(name = "bid_count")
    public long bidCount;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "allocated_at")
    public Instant allocatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
}
