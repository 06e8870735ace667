package dev.praxis.auth.user;

import java.util.UUID;

/**
 * How a user signs in changed (deactivated, a new password, a new email): whatever was handed out for the old way is
 * withdrawn, in the same transaction (sign-in links, for one, were sent to the old address). Published synchronously.
 */
public record SignInChanged(UUID userId) {
}
