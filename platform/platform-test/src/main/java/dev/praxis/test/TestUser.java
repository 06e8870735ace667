package dev.praxis.test;

import dev.praxis.contracts.security.Role;

import java.util.UUID;

/** A caller for tests: a user of a tenant with roles, and a valid token for it. */
public record TestUser(UUID userId, UUID tenantId, Role[] roles, String token) {

    /** A new user in a new tenant: tests that use fresh tenants never see each other's data. */
    public static TestUser inNewTenant(Role... roles) {
        return in(UUID.randomUUID(), roles);
    }

    public static TestUser in(UUID tenantId, Role... roles) {
        UUID userId = UUID.randomUUID();
        return new TestUser(userId, tenantId, roles.clone(), TestJwts.token(userId, tenantId, roles));
    }

    /** Another user of the same tenant. */
    public TestUser colleague(Role... otherRoles) {
        return in(tenantId, otherRoles);
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + token;
    }
}
