-- Issue 15: receipts chained per bidder, and dealers disabled by identity.

-- Each bidder's receipt chain in an auction: the last receipt issued and how many bids it covers.
-- The intake writer already reads and writes this row for every bidder of a batch (under the
-- auction's row lock), so the chain head costs no extra query, survives restarts and is shared by
-- every instance.
alter table bidder_position
    add column receipt_head char(64),
    add column receipt_bids bigint not null default 0;

-- Bids stored before this migration carry receipts of the old per-auction chain; a bidder's later
-- bids in such an auction chain from its last one (its chain starts with an old-style receipt).
update bidder_position p
   set receipt_head = c.last_receipt, receipt_bids = c.bids
  from (select auction_id, bidder_id, count(*) as bids, (array_agg(receipt order by seq desc))[1] as last_receipt
          from bid group by auction_id, bidder_id) c
 where p.auction_id = c.auction_id and p.bidder_id = c.bidder_id;

-- The per-auction chain is gone: nothing reads its head any more.
alter table auction drop column chain_head;

-- Bidders identity disabled (DealerDisabled): written in the transaction that withdraws their
-- open bids, and read by the intake writer under the auction's row lock, so a bid written after
-- that transaction is refused even if it was queued before it.
create table disabled_bidder (
    bidder_id   varchar(255) primary key,
    disabled_at timestamptz  not null,
    disabled_by varchar(255) not null
);

-- Why a bid was withdrawn when its bidder did not withdraw it itself (the system on DealerDisabled).
alter table bid_withdrawal add column reason text;
