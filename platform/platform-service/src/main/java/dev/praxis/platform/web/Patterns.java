package dev.praxis.platform.web;

/** Regular expressions the services share, for {@code @Pattern} and {@code @Email(regexp = ...)}. */
public final class Patterns {

    /**
     * For {@code @Email(regexp = Patterns.EMAIL)}: a dot in the domain (mail to {@code a@b} goes nowhere), and no
     * space, control or invisible formatting character anywhere ({@code dana@example.com} followed by a zero-width
     * space is another account that looks the same).
     */
    public static final String EMAIL = "[^@" + Texts.NOT_IN_EMAILS + "]+@[^@" + Texts.NOT_IN_EMAILS + "]+\\.[^@"
            + Texts.NOT_IN_EMAILS + "]+";

    private Patterns() {
    }
}
