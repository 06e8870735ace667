package dev.praxis.platform.web;

/** Regular expressions for {@code @Pattern} on optional fields, where {@code @NotBlank} would refuse their absence. */
public final class Patterns {

    /**
     * Some character that is not white space, Unicode's included: with Java's ASCII {@code \S} a name of em spaces
     * (U+2003) passed, and {@code String.strip()} then stored it empty.
     */
    public static final String NOT_BLANK = "(?sU).*\\S.*";

    public static final String NOT_BLANK_MESSAGE = "must not be blank";

    /**
     * For {@code @Email(regexp = Patterns.EMAIL)}: a dot in the domain (mail to {@code a@b} goes nowhere), and no
     * space, control or invisible formatting character anywhere ({@code dana@example.com} followed by a zero-width
     * space is another account that looks the same).
     */
    public static final String EMAIL = "[^@\\s\\p{Z}\\p{Cc}\\p{Cf}]+@[^@\\s\\p{Z}\\p{Cc}\\p{Cf}]+"
            + "\\.[^@\\s\\p{Z}\\p{Cc}\\p{Cf}]+";

    private Patterns() {
    }
}
