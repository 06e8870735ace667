package dev.praxis.auth.token;

/** Why a token was revoked: the {@code reason} of a {@code token.revoked} event. */
public enum RevocationReason {
    LOGOUT("logout"),
    USER_DEACTIVATED("user_deactivated"),
    /** The user's role changed: tokens carrying the old role must not outlive the change. */
    ROLE_CHANGED("role_changed"),
    /** The user changed their password: every other session ends. */
    PASSWORD_CHANGED("password_changed");

    private final String value;

    RevocationReason(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
