-- What identity has said about each investor (identity.events.v1): settlement delivers only to
-- APPROVED investors with a wallet; a suspended investor's wallet is frozen on chain.
create table investor (
    investor_id    varchar(255) primary key,
    investor_type  varchar(16),
    country        varchar(2),
    kyc_status     varchar(16)  not null,
    wallet_address varchar(42),
    updated_at     timestamptz  not null
);

-- Double-entry cash ledger: every journal's entries sum to zero. Amounts in currency units with
-- 2 decimals; a positive amount is a debit, a negative one a credit. An investor's cash account is
-- "investor:<id>" (money the platform holds for the investor: its balance is credits - debits);
-- "settlement-bank" is where deposits come from, "issuer:<isin>" receives the proceeds.
create table cash_journal (
    journal_id  varchar(128) primary key,
    kind        varchar(16)  not null,
    description varchar(500) not null,
    created_at  timestamptz  not null
);

create table cash_entry (
    entry_id   bigint generated always as identity primary key,
    journal_id varchar(128)  not null references cash_journal (journal_id),
    account    varchar(300)  not null,
    amount     numeric(20,2) not null,
    created_at timestamptz   not null
);
create index cash_entry_account on cash_entry (account, entry_id);

-- One instruction per allocation with a non-zero award: delivery versus payment.
-- PENDING → CASH_DEBITED (cash leg booked, mint to do) → SETTLED; or FAILED with a reason.
create table settlement_instruction (
    allocation_id     varchar(36)   primary key,
    auction_id        varchar(36)   not null,
    isin              varchar(12)   not null,
    investor_id       varchar(255)  not null,
    wallet_address    varchar(42),
    amount            bigint        not null,
    cash_amount       numeric(20,2) not null,
    status            varchar(16)   not null,
    reason            varchar(500),
    tx_hash           varchar(66),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index settlement_instruction_auction on settlement_instruction (auction_id);
create index settlement_instruction_open on settlement_instruction (status) where status in ('PENDING', 'CASH_DEBITED');
