package dev.praxis.platform.web;

import java.util.regex.Pattern;

/** What text must hold: something visible ({@link Visible}, {@link #isBlank}), and for an email {@link #EMAIL}. */
public final class Texts {

    /**
     * Characters that show nothing although Unicode does not file them as white space or formatting: the variation
     * selectors, the combining grapheme joiner, the Mongolian selectors, the Hangul fillers and the blank Braille cell.
     */
    static final String INVISIBLE = "\\x{034F}\\x{115F}\\x{1160}\\x{180B}-\\x{180D}\\x{2800}\\x{3164}"
            + "\\x{FE00}-\\x{FE0F}\\x{FFA0}\\x{E0100}-\\x{E01EF}";

    /** Inside a character class: what no email address contains (white space, controls, anything invisible). */
    static final String NOT_IN_EMAILS = "\\s\\p{Z}\\p{Cc}\\p{Cf}" + INVISIBLE;

    /**
     * For {@code @Email(regexp = Texts.EMAIL)}: a dot in the domain (mail to {@code a@b} goes nowhere), and no space,
     * control or invisible character anywhere ({@code dana@example.com} followed by a zero-width space is another
     * account that looks the same).
     */
    public static final String EMAIL = "[^@" + NOT_IN_EMAILS + "]+@[^@" + NOT_IN_EMAILS + "]+\\.[^@" + NOT_IN_EMAILS
            + "]+";

    /** Some character that is not Unicode white space, a control, a formatting character or one of the above. */
    static final String VISIBLE = "(?sU).*[^\\s\\p{Cc}\\p{Cf}" + INVISIBLE + "].*";

    private static final Pattern VISIBLE_TEXT = Pattern.compile(VISIBLE);

    private Texts() {
    }

    /** {@code null}, or nothing to see: U+00A0 or U+200B alone is blank, where {@link String#isBlank()} says not. */
    public static boolean isBlank(String text) {
        return text == null || !VISIBLE_TEXT.matcher(text).matches();
    }
}
