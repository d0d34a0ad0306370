-- Shared by every service (platform-kit). Versions 0.x belong to the kit; services number from 1.

-- Events written in the same transaction as the state change they announce; the relay sends them.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     varchar(64)  not null unique,
    topic        varchar(128) not null,
    record_key   varchar(256) not null,
    type         varchar(64)  not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz,
    attempts     integer      not null default 0,
    last_error   varchar(1000)
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Event ids already processed by this service's consumers (idempotent consumer).
create table inbox_event (
    source      varchar(256) not null,
    event_id    varchar(64)  not null,
    type        varchar(64)  not null,
    received_at timestamptz  not null,
    primary key (source, event_id)
);
