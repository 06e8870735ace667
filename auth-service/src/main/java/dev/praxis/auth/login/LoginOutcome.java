package dev.praxis.auth.login;

import dev.praxis.auth.token.AccessToken;

import java.util.List;
import java.util.UUID;

/** How a password login ended. A failure is a value, not an exception: its events must commit. */
sealed interface LoginOutcome {

    LoginOutcome FAILED = new Failed();

    record Authenticated(AccessToken token) implements LoginOutcome {
    }

    /** The credentials fit accounts in several tenants: the client repeats the login with one {@code tenant_id}. */
    record TenantSelection(List<TenantOption> options) implements LoginOutcome {
    }

    record Failed() implements LoginOutcome {
    }

    record TenantOption(UUID tenantId, String tenantName) {
    }
}
