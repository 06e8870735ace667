package dev.praxis.auth.user;

/** Constraints shared by the request bodies that carry user fields. */
final class UserRules {

    /** No {@code @}: a username can never shadow someone's email at login (usernames are matched first). */
    static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";
    static final String USERNAME_MESSAGE = "Use 3 to 50 letters, digits, '.', '_' or '-'";
    static final int MIN_PASSWORD = 8;

    private UserRules() {
    }
}
