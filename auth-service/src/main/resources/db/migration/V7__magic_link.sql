-- Magic links: only the SHA-256 of the token is stored (the token itself is in the mail alone); single use.
create table magic_link (
    id         uuid        primary key,
    token_hash bytea       not null unique,
    user_id    uuid        not null references app_user (id),
    tenant_id  uuid        not null references tenant (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index magic_link_by_user on magic_link (user_id, expires_at);
create index magic_link_expires_at on magic_link (expires_at);
