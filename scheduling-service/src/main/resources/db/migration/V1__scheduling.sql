-- scheduling-service (DESIGN.md section 5): clients, services, locations and appointments of PazPaz workspaces.
-- Every row carries its tenant; references between rows are composite (tenant_id, id) foreign keys, so a row can never
-- point at another tenant's data. Columns holding PHI (email, phone, date_of_birth, notes, location_details) contain
-- AES-256-GCM ciphertext written by the application ("v1:<keyId>:<base64>"); names stay plaintext (sorted, searchable).

create extension if not exists btree_gist;

create table client (
    id             uuid         primary key,
    tenant_id      uuid         not null,
    first_name     varchar(255) not null,
    last_name      varchar(255) not null,
    email          text,
    phone          text,
    date_of_birth  text,
    consent_status boolean      not null default false,
    notes          text,
    tags           text[]       not null default '{}',
    archived_at    timestamptz,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null,
    constraint client_tenant_id unique (tenant_id, id)
);

-- The client list: a tenant's clients that are not archived, by last name, first name.
create index client_list on client (tenant_id, last_name, first_name, id) where archived_at is null;

create table service (
    id                       uuid         primary key,
    tenant_id                uuid         not null,
    name                     varchar(255) not null,
    description              text,
    default_duration_minutes integer      not null,
    is_active                boolean      not null default true,
    deleted_at               timestamptz,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null,
    constraint service_tenant_id unique (tenant_id, id),
    constraint service_duration_range check (default_duration_minutes between 1 and 480)
);

-- Names are unique per tenant (case-insensitively) among services that are not deleted; a soft-deleted name is free.
create unique index service_name_unique on service (tenant_id, lower(name)) where deleted_at is null;
create index service_list on service (tenant_id, is_active, name) where deleted_at is null;

create table location (
    id            uuid         primary key,
    tenant_id     uuid         not null,
    name          varchar(255) not null,
    location_type varchar(10)  not null,
    address       text,
    details       text,
    is_active     boolean      not null default true,
    deleted_at    timestamptz,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null,
    constraint location_tenant_id unique (tenant_id, id),
    constraint location_type_known check (location_type in ('clinic', 'home', 'online')),
    constraint location_address_required check (location_type = 'online' or coalesce(btrim(address), '') <> '')
);

create unique index location_name_unique on location (tenant_id, lower(name)) where deleted_at is null;
create index location_list on location (tenant_id, is_active, name) where deleted_at is null;

create table appointment (
    id               uuid        primary key,
    tenant_id        uuid        not null,
    client_id        uuid        not null,
    service_id       uuid,
    location_id      uuid,
    scheduled_start  timestamptz not null,
    scheduled_end    timestamptz not null,
    location_type    varchar(10) not null,
    location_details text,
    status           varchar(20) not null,
    notes            text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    constraint appointment_client foreign key (tenant_id, client_id) references client (tenant_id, id),
    constraint appointment_service foreign key (tenant_id, service_id) references service (tenant_id, id),
    constraint appointment_location foreign key (tenant_id, location_id) references location (tenant_id, id),
    constraint appointment_location_type_known check (location_type in ('clinic', 'home', 'online')),
    constraint appointment_status_known check (status in ('scheduled', 'completed', 'cancelled', 'no_show')),
    constraint appointment_ends_after_start check (scheduled_end > scheduled_start),
    -- The conflict rule itself: within a tenant, no two scheduled/completed appointments overlap as half-open
    -- intervals [start, end). Back-to-back is fine; cancelled and no-show never block. Concurrent bookings of one slot
    -- cannot both commit: the second waits for the first and then fails with SQLState 23P01.
    constraint appointment_no_overlap exclude using gist (
        tenant_id with =,
        tstzrange(scheduled_start, scheduled_end, '[)') with &&
    ) where (status in ('scheduled', 'completed'))
);

-- Calendar views: appointments of any status overlapping a window.
create index appointment_calendar on appointment using gist (tenant_id, tstzrange(scheduled_start, scheduled_end, '[)'));
-- Unwindowed lists in start order, per tenant, per client and per status.
create index appointment_by_start on appointment (tenant_id, scheduled_start, id);
create index appointment_by_client on appointment (tenant_id, client_id, scheduled_start, id);
create index appointment_by_status on appointment (tenant_id, status, scheduled_start, id);
-- "Is this service/location still referenced?" on delete, and the foreign keys' own checks.
create index appointment_by_service on appointment (service_id) where service_id is not null;
create index appointment_by_location on appointment (location_id) where location_id is not null;
