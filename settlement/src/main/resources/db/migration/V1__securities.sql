-- Securities settlement knows of: registered when their auction is announced; the token address
-- is filled in when the bond token is deployed for the ISIN.
create table security (
    isin           varchar(12)  primary key,
    auction_id     varchar(36)  not null,
    security_type  varchar(8)   not null,
    issue_date     date         not null,
    maturity_date  date         not null,
    coupon_rate    numeric(9,3),
    token_address  varchar(42),
    total_supply   bigint       not null default 0,
    registered_at  timestamptz  not null
);
