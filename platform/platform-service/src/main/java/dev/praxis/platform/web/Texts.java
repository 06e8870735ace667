package dev.praxis.platform.web;

import java.util.regex.Pattern;

/** Blank the way {@link Visible} means it, for the checks a service makes in code. */
public final class Texts {

    /** Some character that is not Unicode white space, a control or an invisible formatting character. */
    static final String VISIBLE = "(?sU).*[^\\s\\p{Cc}\\p{Cf}].*";

    private static final Pattern VISIBLE_TEXT = Pattern.compile(VISIBLE);

    private Texts() {
    }

    /** {@code null}, or nothing to see: U+00A0 or U+200B alone is blank, where {@link String#isBlank()} says not. */
    public static boolean isBlank(String text) {
        return text == null || !VISIBLE_TEXT.matcher(text).matches();
    }
}
