create table investor (
    investor_id    varchar(255) primary key,
    investor_type  varchar(16)  not null,
    legal_name     varchar(255) not null,
    country        char(2)      not null,
    wallet_address varchar(42)  unique,
    kyc_status     varchar(16)  not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index investor_kyc_status on investor (kyc_status);
