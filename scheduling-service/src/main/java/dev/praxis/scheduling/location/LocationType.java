package dev.praxis.scheduling.location;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.praxis.scheduling.web.ApiEnum;
import dev.praxis.scheduling.web.ApiEnumColumn;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Where a session happens. Clinic and home locations need an address. */
public enum LocationType implements ApiEnum {
    CLINIC, HOME, ONLINE;

    @Override
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsAddress() {
        return this != ONLINE;
    }

    @Override
    public String toString() {
        return value();
    }

    @Converter
    public static final class Column extends ApiEnumColumn<LocationType> {
        public Column() {
            super(LocationType.class);
        }
    }
}
