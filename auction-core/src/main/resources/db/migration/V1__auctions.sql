-- ISINs assigned to securities announced without one
create sequence isin_seq start with 1;

create table auction (
    auction_id                  varchar(36)  primary key,
    status                      varchar(16)  not null,
    format                      varchar(16)  not null,
    bid_basis                   varchar(16)  not null,
    isin                        varchar(12)  not null,
    security_type               varchar(8)   not null,
    issue_date                  date         not null,
    maturity_date               date         not null,
    dated_date                  date,
    first_interest_payment_date date,
    coupon_rate                 numeric(9,3),
    offering_amount             bigint       not null,
    max_award_ratio             numeric(5,4) not null,
    non_competitive_limit       bigint       not null,
    minimum_bid                 bigint       not null,
    bid_multiple                bigint       not null,
    rate_increment              numeric(6,3),
    price_increment             numeric(9,6),
    bidding_opens_at            timestamptz  not null,
    non_competitive_closes_at   timestamptz  not null,
    competitive_closes_at       timestamptz  not null,
    created_by                  varchar(255) not null,
    created_at                  timestamptz  not null
);
create index auction_status on auction (status);
