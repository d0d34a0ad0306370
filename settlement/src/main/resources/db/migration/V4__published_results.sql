-- A published auction as it reaches settlement: the results (AuctionResultsPublished) and the
-- allocations in chunks (AllocationsPublished), which may arrive in any order and repeatedly.
-- Nothing is booked until the results and every chunk are here AND the assembled allocations
-- match the digest auction-core computes from its own database (PublicationVerifier).
--   RECEIVED: waiting for chunks or for the check; BOOKED: instructions created (once);
--   REJECTED: the check failed (nothing booked); a later, different delivery makes it RECEIVED again.
create table auction_publication (
    auction_id       varchar(36)  primary key,
    results          text         not null,      -- the AuctionResultsPublished event (CloudEvent JSON)
    chunk_count      integer      not null,
    allocation_count integer      not null,
    status           varchar(16)  not null,
    reason           varchar(1000),
    -- bumped whenever the results or a chunk change content: a check answers for one version
    version          integer      not null default 1,
    received_at      timestamptz  not null,
    updated_at       timestamptz  not null,
    booked_at        timestamptz
);
create index auction_publication_open on auction_publication (status) where status = 'RECEIVED';

-- Idempotent by (auction_id, chunk): a repeated chunk changes nothing; one with other content
-- replaces it (and reopens the check) until the auction is booked.
create table allocation_chunk (
    auction_id  varchar(36)  not null,
    chunk       integer      not null,
    chunk_count integer      not null,
    event       text         not null,           -- the AllocationsPublished event (CloudEvent JSON)
    received_at timestamptz  not null,
    primary key (auction_id, chunk)
);
