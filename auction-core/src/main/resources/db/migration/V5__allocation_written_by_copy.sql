-- The clearing writes one allocation per bid in its transaction, by COPY (issue 9: close to
-- results for 100,000 bids). Each index and each foreign key of allocation is paid per row in
-- that transaction: with V2's four indexes and two foreign keys, 100,000 rows took about 10 s of a
-- loaded machine, with one index under 2 s. So allocation keeps one key, (auction_id, bid_seq):
-- the bid's place in its auction (bid.seq). It orders the results (as ordinal did), joins a bid
-- to its allocation, and, being the primary key, lets no bid be allocated twice.
--
-- Dropped, and why nothing is lost:
-- - the foreign keys to bid and auction: each checked row also locks its bid row (FOR KEY SHARE),
--   the largest cost. The only writer is the clearing, which writes the rows from the bids it
--   has just read, under the auction's row lock, in the same transaction; bids and auctions are
--   never deleted (bids are append-only). A row can therefore only name a stored bid of its
--   auction.
-- - unique (bid_id): a bid belongs to one auction and has one seq, so the primary key already
--   lets it appear once.
-- - unique (auction_id, ordinal): the same order as (auction_id, bid_seq); ordinal is still written.
-- - the primary key on allocation_id, a random UUID (122 random bits, now drawn by PostgreSQL):
--   nothing looks an allocation up by it here; settlement, which does, keeps it as its primary key.
-- - index (auction_id, bidder_id): a bidder's awards are found through bid's (auction_id, bidder_id).
alter table allocation add column bid_seq bigint;
update allocation al set bid_seq = b.seq from bid b where b.bid_id = al.bid_id;
alter table allocation alter column bid_seq set not null;
alter table allocation alter column allocation_id set default gen_random_uuid()::text;

alter table allocation drop constraint allocation_pkey;
alter table allocation drop constraint allocation_auction_id_fkey;
alter table allocation drop constraint allocation_bid_id_fkey;
alter table allocation drop constraint allocation_bid_id_key;
alter table allocation drop constraint allocation_auction_id_ordinal_key;
drop index allocation_bidder;
alter table allocation add primary key (auction_id, bid_seq);
