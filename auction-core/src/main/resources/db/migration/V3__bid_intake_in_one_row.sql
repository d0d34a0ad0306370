-- A bid is one row: its Idempotency-Key and request hash live with it (the key's original answer
-- is the bid itself), and the audit log reads bid submissions from this append-only table.
alter table bid
    add column idem_key     varchar(255),
    add column request_hash char(64);
create unique index bid_idem_key on bid (auction_id, bidder_id, idem_key) where idem_key is not null;

-- Each bidder's live bids in an auction, kept by the intake and withdrawals: the checks of a new
-- bid (one kind per bidder, the non-competitive limit) read one row instead of every bid.
create table bidder_position (
    auction_id            varchar(36)  not null references auction (auction_id),
    bidder_id             varchar(255) not null,
    competitive_bids      integer      not null default 0,
    noncompetitive_bids   integer      not null default 0,
    noncompetitive_amount bigint       not null default 0,
    primary key (auction_id, bidder_id)
);
