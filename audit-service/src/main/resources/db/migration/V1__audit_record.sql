-- The audit log: one row per event, append-only, chained per tenant by SHA-256 (tamper evidence).
create table audit_record (
    id             uuid         primary key,
    event_id       uuid         not null unique,
    tenant_id      uuid         not null,
    sequence       bigint       not null,
    previous_hash  char(64)     not null,
    hash           char(64)     not null,
    event_type     varchar(100) not null,
    event_version  integer      not null,
    occurred_at    timestamptz  not null,
    recorded_at    timestamptz  not null,
    producer       varchar(100) not null,
    resource_type  varchar(100) not null,
    resource_id    varchar(255),
    action         varchar(20)  not null,
    outcome        varchar(20)  not null,
    user_id        uuid,
    ip             varchar(64),
    request_id     varchar(128),
    traceparent    varchar(128),
    metadata       text         not null,
    constraint audit_record_sequence unique (tenant_id, sequence)
);

create index audit_record_tenant_time on audit_record (tenant_id, occurred_at desc);
create index audit_record_tenant_resource on audit_record (tenant_id, resource_type, resource_id);
create index audit_record_tenant_user on audit_record (tenant_id, user_id);

-- Nobody, not even the owner, changes or removes an audit record through SQL: the database refuses.
create function audit_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_record_no_update_or_delete
    before update or delete on audit_record
    for each row execute function audit_record_is_append_only();

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_is_append_only();
