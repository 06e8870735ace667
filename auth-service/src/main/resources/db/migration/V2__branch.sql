-- Branches of a tenant; the code is unique per tenant, whatever its case.
create table branch (
    id            uuid         primary key,
    tenant_id     uuid         not null references tenant (id),
    code          varchar(50)  not null,
    name          varchar(255) not null,
    timezone      varchar(64)  not null,
    address_line1 varchar(255),
    address_line2 varchar(255),
    city          varchar(100),
    state         varchar(100),
    postal_code   varchar(20),
    country       varchar(100),
    is_active     boolean      not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

create unique index branch_code_unique on branch (tenant_id, lower(code));
