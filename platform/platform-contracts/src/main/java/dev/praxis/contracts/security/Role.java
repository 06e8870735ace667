package dev.praxis.contracts.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles a Praxis token can carry. A PazPaz workspace owner is {@link #ADMIN}. */
public enum Role {
    ADMIN, PRACTITIONER, PATHOLOGIST, LAB_TECH, ASSISTANT, BILLING, VIEWER, AUDITOR;

    /** The value in tokens and API bodies: lower case ({@code lab_tech}). */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority for this role ({@code ROLE_lab_tech}). */
    public String authority() {
        return "ROLE_" + value();
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(role -> role.value().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    @JsonCreator
    static Role fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown role"));
    }
}
