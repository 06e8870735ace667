-- RS256 signing keys. The most recently activated key signs; it and the one activated before it are published in the
-- JWK set. Activation order comes from a sequence, not from clocks (replicas' clocks may differ).
-- private_key holds the PKCS#8 key encrypted with AES-256-GCM under praxis.auth.key-encryption-key
-- (12-byte nonce || ciphertext || tag, the kid as associated data); it is null for a key kept in a PEM file.
create sequence signing_key_activation;

create table signing_key (
    kid          varchar(64) primary key,
    public_key   bytea       not null,
    private_key  bytea,
    created_at   timestamptz not null,
    activated_at timestamptz not null,
    activation   bigint      not null unique
);
