-- Dealer systems: requested by one desk officer, approved by another (four eyes), then created
-- in Keycloak as a client with a service account; disabled, never deleted.
create table dealer (
    client_id     varchar(40)  primary key,
    legal_name    varchar(255) not null,
    status        varchar(24)  not null,
    requested_by  varchar(255) not null,
    requested_at  timestamptz  not null,
    approved_by   varchar(255),
    approved_at   timestamptz,
    disabled_by   varchar(255),
    disabled_at   timestamptz
);
