package dev.praxis.scheduling.appointment;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.praxis.scheduling.web.ApiEnum;
import dev.praxis.scheduling.web.ApiEnumColumn;
import jakarta.persistence.Converter;

import java.util.Locale;

/** DESIGN.md decision 5: the PazPaz statuses. Scheduled and completed appointments block their time slot. */
enum AppointmentStatus implements ApiEnum {
    SCHEDULED, COMPLETED, CANCELLED, NO_SHOW;

    @Override
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the conflict rule applies (the {@code appointment_no_overlap} constraint's predicate). */
    boolean blocksTime() {
        return this == SCHEDULED || this == COMPLETED;
    }

    @Override
    public String toString() {
        return value();
    }

    @Converter
    static final class Column extends ApiEnumColumn<AppointmentStatus> {
        Column() {
            super(AppointmentStatus.class);
        }
    }
}
