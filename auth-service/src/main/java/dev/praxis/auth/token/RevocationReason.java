package dev.praxis.auth.token;

/** Why a token was revoked: the {@code reason} of a {@code token.revoked} event. */
public enum RevocationReason {
    LOGOUT("logout"),
    USER_DEACTIVATED("user_deactivated");

    private final String value;

    RevocationReason(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
