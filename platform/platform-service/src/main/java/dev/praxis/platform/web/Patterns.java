package dev.praxis.platform.web;

/** Regular expressions for {@code @Pattern} on optional fields, where {@code @NotBlank} would refuse their absence. */
public final class Patterns {

    /**
     * Some character that is not white space, Unicode's included: with Java's ASCII {@code \S} a name of em spaces
     * (U+2003) passed, and {@code String.strip()} then stored it empty.
     */
    public static final String NOT_BLANK = "(?sU).*\\S.*";

    public static final String NOT_BLANK_MESSAGE = "must not be blank";

    private Patterns() {
    }
}
