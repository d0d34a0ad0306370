-- Bidding state of an auction: the head of its receipt chain and how many bids it holds;
-- the instants of its later transitions.
alter table auction
    add column bid_count    bigint      not null default 0,
    add column chain_head   char(64),
    add column closed_at    timestamptz,
    add column allocated_at timestamptz,
    add column published_at timestamptz,
    add column published_by varchar(255);

-- Bids are append-only: a withdrawal is a row of bid_withdrawal, never an update or delete.
create table bid (
    bid_id            varchar(36)  primary key,
    auction_id        varchar(36)  not null references auction (auction_id),
    seq               bigint       not null,
    bidder_id         varchar(255) not null,
    kind              varchar(16)  not null,
    bid_value         numeric(15,6),
    amount            bigint       not null,
    net_long_position bigint       not null,
    retail            boolean      not null,
    wallet_address    varchar(42),
    received_at       timestamptz  not null,
    receipt           char(64)     not null,
    unique (auction_id, seq)
);
create index bid_auction_bidder on bid (auction_id, bidder_id);
create index bid_retail_bidder on bid (bidder_id) where retail;

create table bid_withdrawal (
    bid_id       varchar(36)  primary key references bid (bid_id),
    auction_id   varchar(36)  not null references auction (auction_id),
    withdrawn_at timestamptz  not null,
    withdrawn_by varchar(255) not null
);

-- The clearing of a closed auction: its statistics as the results show them, one row per bid.
create table auction_result (
    auction_id      varchar(36)  primary key references auction (auction_id),
    summary         text         not null,
    stop_out        boolean      not null,
    accrued_per_100 numeric(12,6) not null,
    cleared_at      timestamptz  not null
);

create table allocation (
    allocation_id     varchar(36)  primary key,
    auction_id        varchar(36)  not null references auction (auction_id),
    ordinal           integer      not null,
    bid_id            varchar(36)  not null unique references bid (bid_id),
    bidder_id         varchar(255) not null,
    kind              varchar(16)  not null,
    accepted          bigint       not null,
    price             numeric(15,6),
    accrued_interest  numeric(20,2),
    settlement_amount numeric(20,2),
    wallet_address    varchar(42),
    unique (auction_id, ordinal)
);
create index allocation_bidder on allocation (auction_id, bidder_id);

-- Who did what to an auction, and when.
create table audit_entry (
    audit_id   bigint generated always as identity primary key,
    auction_id varchar(36)  not null,
    at         timestamptz  not null,
    actor      varchar(255) not null,
    action     varchar(32)  not null,
    detail     text
);
create index audit_entry_auction on audit_entry (auction_id, audit_id);

-- What identity says about each investor (identity.events.v1), for retail subscriptions.
create table investor_status (
    investor_id    varchar(255) primary key,
    kyc_status     varchar(16)  not null,
    wallet_address varchar(42),
    updated_at     timestamptz  not null
);
