package dev.praxis.auth.user;

import dev.praxis.contracts.security.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role as its token and API value ({@code lab_tech}). */
@Converter
class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.value();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null
                : Role.parse(value).orElseThrow(() -> new IllegalStateException("unknown role in the database"));
    }
}
