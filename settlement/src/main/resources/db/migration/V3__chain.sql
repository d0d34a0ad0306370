-- The contracts settlement works with on each chain (IdentityRegistry, BondFactory): deployed once
-- by the agent, or given by configuration, and reused at every start.
create table chain_contract (
    chain_id   bigint       not null,
    name       varchar(32)  not null,
    address    varchar(42)  not null,
    created_at timestamptz  not null,
    primary key (chain_id, name)
);

-- Every batch mint the agent signs, written before it is sent: a restart finds it by hash, and
-- sends the same bytes again if the node never saw them. SENT → MINED, REVERTED or DROPPED
-- (refused by the node, e.g. its nonce was taken).
create table chain_tx (
    tx_hash    varchar(66)  primary key,
    kind       varchar(32)  not null,
    subject    varchar(300) not null,
    nonce      bigint       not null,
    raw        text         not null,
    status     varchar(16)  not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

-- Work on chain that events ask for, done by the settlement worker (never on the Kafka thread):
-- SYNC_INVESTOR (subject: investor id; the chain is made to follow the investor register) and
-- DEPLOY_TOKEN (subject: ISIN). One open task per kind and subject; a request while it is open
-- moves requested_at, so a task done on older facts runs again.
create table chain_task (
    task_id         bigint generated always as identity primary key,
    kind            varchar(32)   not null,
    subject         varchar(300)  not null,
    requested_at    timestamptz   not null,
    next_attempt_at timestamptz   not null,
    attempts        integer       not null default 0,
    last_error      varchar(1000),
    done_at         timestamptz
);
create unique index chain_task_open on chain_task (kind, subject) where done_at is null;

-- A bond leg that cannot go ahead now (the wallet is frozen or not verified on chain) waits until then.
alter table settlement_instruction add column next_attempt_at timestamptz;
-- the bond leg's queue: cash booked, mint not sent
create index settlement_instruction_to_mint on settlement_instruction (isin, created_at, allocation_id)
    where status = 'CASH_DEBITED' and tx_hash is null;
create index settlement_instruction_tx on settlement_instruction (tx_hash) where tx_hash is not null;

-- Coupons and redemptions, one per ISIN, kind and payment date (the idempotency of the POSTs):
-- the holders of record are read from chain at record_block once and kept in security_payment_line,
-- so a retry pays the same holders the same amounts.
create table security_payment (
    isin          varchar(12)   not null,
    kind          varchar(16)   not null,
    payment_date  date          not null,
    record_block  bigint        not null,
    status        varchar(16)   not null,
    holders       integer       not null,
    par           bigint        not null,
    total_paid    numeric(20,2) not null,
    journal_id    varchar(128)  not null,
    tx_hash       varchar(66),
    requested_by  varchar(255)  not null,
    created_at    timestamptz   not null,
    completed_at  timestamptz,
    primary key (isin, kind, payment_date)
);

create table security_payment_line (
    isin           varchar(12)   not null,
    kind           varchar(16)   not null,
    payment_date   date          not null,
    wallet_address varchar(42)   not null,
    investor_id    varchar(255)  not null,
    par            bigint        not null,
    amount         numeric(20,2) not null,
    tx_hash        varchar(66),
    primary key (isin, kind, payment_date, wallet_address)
);
