-- Tenants (Celuma) = workspaces (PazPaz). Every other table of this service belongs to one.
create table tenant (
    id         uuid         primary key,
    name       varchar(255) not null,
    legal_name varchar(255),
    tax_id     varchar(50),
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
