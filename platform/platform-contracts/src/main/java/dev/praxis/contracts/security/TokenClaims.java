package dev.praxis.contracts.security;

/** Claims of a Praxis access token (DESIGN.md section 3, Identity and tokens). */
public final class TokenClaims {

    public static final String ISSUER = "praxis-auth";
    public static final String AUDIENCE = "praxis";

    public static final String TENANT_ID = "tenant_id";
    public static final String WORKSPACE_ID = "workspace_id";
    public static final String ROLES = "roles";
    public static final String EMAIL = "email";

    /** Path of the JWK set on auth-service. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private TokenClaims() {
    }
}
