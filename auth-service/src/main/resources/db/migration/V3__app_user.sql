-- Users: one row per account, an account belongs to one tenant. The same email may have accounts in several tenants;
-- within a tenant email and username are unique, whatever their case.
create table app_user (
    id            uuid         primary key,
    tenant_id     uuid         not null references tenant (id),
    email         varchar(320) not null,
    username      varchar(50),
    full_name     varchar(255),
    password_hash varchar(255) not null,
    role          varchar(20)  not null
        constraint app_user_role check (role in ('admin', 'practitioner', 'pathologist', 'lab_tech', 'assistant',
                                                 'billing', 'viewer', 'auditor')),
    is_active     boolean      not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

create unique index app_user_email_unique on app_user (tenant_id, lower(email));
create unique index app_user_username_unique on app_user (tenant_id, lower(username));
-- Login and magic links look accounts up across tenants.
create index app_user_email_lookup on app_user (lower(email));
create index app_user_username_lookup on app_user (lower(username));
