create table widget (
    id         uuid primary key,
    tenant_id  uuid         not null,
    name       varchar(50)  not null,
    created_at timestamptz  not null,
    constraint widget_name_unique unique (tenant_id, name)
);

create table feed_effect (
    id       bigserial primary key,
    event_id uuid not null
);
