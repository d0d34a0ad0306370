-- Several auction-core instances behind one load balancer: a scheduled close waits until every
-- live instance has written the bids it received before the deadline (issue 8, "several replicas").
create table auction_instance (
    instance_id  varchar(64) primary key,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null
);

create table close_drain (
    auction_id  varchar(36) not null references auction (auction_id),
    instance_id varchar(64) not null,
    drained_at  timestamptz not null,
    primary key (auction_id, instance_id)
);
