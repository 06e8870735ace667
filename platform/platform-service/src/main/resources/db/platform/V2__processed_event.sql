-- Idempotent consumption (platform-service): a consumer records each event id it has applied, in the same
-- transaction as the effect, so a redelivered event is applied once.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
