-- Responses of POSTs sent with an Idempotency-Key: the same key and request get the same answer.
create table idempotency_key (
    caller       varchar(255) not null,
    scope        varchar(255) not null,
    idem_key     varchar(255) not null,
    request_hash char(64)     not null,
    status       integer      not null,
    response     text         not null,
    created_at   timestamptz  not null,
    primary key (caller, scope, idem_key)
);
