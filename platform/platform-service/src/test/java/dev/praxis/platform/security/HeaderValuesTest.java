package dev.praxis.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValuesTest {

    /** StrictHttpFirewall's own default, which HeaderValues replaces. */
    static final Pattern SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJraWQiOiJrMSJ9.eyJzdWIiOiJ4In0.c2ln", "", "text/html; q=0.9", "Zoë Müller",
            "tab\there", "new\nline", "nul\u0000", "del\u007f", "c1\u0085", "unassigned\u0378", "emoji \uD83D\uDE00",
            "lone \uD800 surrogate", "private \uE000 use"})
    void acceptsExactlyWhatSpringSecuritysDefaultAccepts(String value) {
        assertThat(HeaderValues.isAllowed(value)).isEqualTo(SPRING_DEFAULT.matcher(value).matches());
    }

    @Test
    void agreesWithTheDefaultOnEveryBasicPlaneCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String value = "a" + c + "b";
            assertThat(HeaderValues.isAllowed(value)).as("U+%04X", (int) c)
                    .isEqualTo(SPRING_DEFAULT.matcher(value).matches());
        }
    }
}
