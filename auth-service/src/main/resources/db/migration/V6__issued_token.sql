-- Every access token issued (never the token itself): what logout and user deactivation revoke, and what the
-- gateway's revocation list is made of.
create table issued_token (
    jti           uuid        primary key,
    user_id       uuid        not null references app_user (id),
    tenant_id     uuid        not null references tenant (id),
    issued_at     timestamptz not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz,
    revoke_reason varchar(30)
);

create index issued_token_live_by_user on issued_token (user_id) where revoked_at is null;
create index issued_token_revoked on issued_token (expires_at) where revoked_at is not null;
create index issued_token_expires_at on issued_token (expires_at);
