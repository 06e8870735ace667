-- Transactional outbox (platform-service): an event row is written in the same transaction as the change it
-- describes; the relay publishes pending rows to Kafka in id order and marks them published.
create table outbox_event (
    id           bigserial primary key,
    event_id     uuid          not null unique,
    topic        varchar(255)  not null,
    message_key  varchar(255)  not null,
    event_type   varchar(100)  not null,
    payload      text          not null,
    traceparent  varchar(128),
    created_at   timestamptz   not null default now(),
    published_at timestamptz,
    attempts     integer       not null default 0,
    last_error   varchar(1000)
);

create index outbox_event_pending on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
