-- Every KYC decision, kept: who decided what, why and when (read by auditors).
create table kyc_decision (
    decision_id        bigint generated always as identity primary key,
    investor_id        varchar(255) not null references investor (investor_id),
    requested_decision varchar(16)  not null,
    outcome            varchar(16)  not null,
    reason             varchar(500) not null,
    decided_by         varchar(255) not null,
    decided_at         timestamptz  not null
);
create index kyc_decision_investor on kyc_decision (investor_id, decided_at);
