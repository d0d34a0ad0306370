package io.sovereign.auction.mapping;

import io.sovereign.auction.repository.Auction;
import io.sovereign.auction.rest.AuctionView;
import io.sovereign.auction.rest.SecurityTerms;
import io.sovereign.events.AuctionAnnounced;

/** Entity ↔ API and event shapes; the entity never leaves the service. */
public final class AuctionMapper {

    private AuctionMapper() {
    }

    public static AuctionView toView(Auction a) {
        return new AuctionView(a.auctionId, a.status, a.format, a.bidBasis,
                new SecurityTerms(a.isin, a.securityType, a.issueDate, a.maturityDate, a.datedDate,
                        a.firstInterestPaymentDate, a.couponRate),
                a.offeringAmount, a.maxAwardRatio, a.nonCompetitiveLimit, a.minimumBid, a.bidMultiple,
                a.rateIncrement, a.priceIncrement, a.biddingOpensAt, a.nonCompetitiveClosesAt,
                a.competitiveClosesAt, a.createdBy);
    }

    public static AuctionAnnounced toAnnounced(Auction a) {
        return new AuctionAnnounced(a.auctionId, a.isin, a.securityType.name(), a.issueDate, a.maturityDate,
                a.datedDate, a.couponRate, a.format.name(), a.bidBasis.name(), a.offeringAmount, a.biddingOpensAt,
                a.nonCompetitiveClosesAt, a.competitiveClosesAt, a.createdBy);
    }
}
