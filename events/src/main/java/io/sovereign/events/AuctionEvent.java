package io.sovereign.events;

/** Events on {@link Topics#AUCTION_EVENTS}, keyed by auctionId. */
public sealed interface AuctionEvent extends PlatformEvent
        permits AuctionAnnounced, AuctionClosed, AuctionResultsPublished,
        AllocationsPublished {
    String auctionId();

    @Override
    default String key() {
        return auctionId();
    }

    @Override
    default String topic() {
        return Topics.AUCTION_EVENTS;
    }
}
