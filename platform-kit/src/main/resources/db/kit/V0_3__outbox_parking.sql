-- A poison event (one Kafka refuses for a reason that retrying cannot cure: too large, invalid,
-- not serializable) is parked instead of blocking every later event of the service. Applied out of
-- order to existing databases, like 0.2.
alter table outbox_event add column parked_at      timestamptz;
alter table outbox_event add column parked_error   varchar(1000);
alter table outbox_event add column discarded_at   timestamptz;
alter table outbox_event add column discarded_by   varchar(255);
alter table outbox_event add column discard_reason varchar(1000);

-- the relay's question "is this key held back by a parked event?" and the operator's list
create index outbox_event_parked on outbox_event (topic, record_key)
    where parked_at is not null and published_at is null and discarded_at is null;
