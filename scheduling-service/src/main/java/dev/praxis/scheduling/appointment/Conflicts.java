package dev.praxis.scheduling.appointment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The bodies that describe conflicting appointments. */
final class Conflicts {

    static final String MESSAGE = "The appointment overlaps existing appointments";

    private Conflicts() {
    }

    /** One blocking appointment, as the conflicts check shows it: client initials only, never a name. */
    record Found(UUID id, Instant scheduledStart, Instant scheduledEnd, AppointmentStatus status,
                 String clientInitials) {
    }

    /** {@code GET /api/v1/appointments/conflicts}. */
    record CheckResponse(boolean hasConflict, List<Found> conflictingAppointments) {

        static CheckResponse of(List<Found> found) {
            return new CheckResponse(!found.isEmpty(), found);
        }
    }

    /** The {@code detail} of a 409 on create or update. */
    record Detail(String message, List<Conflicting> conflictingAppointments) {

        static Detail of(List<Found> found) {
            return new Detail(MESSAGE, found.stream()
                    .map(f -> new Conflicting(f.id(), f.scheduledStart(), f.scheduledEnd(), f.status())).toList());
        }
    }

    record Conflicting(UUID id, Instant scheduledStart, Instant scheduledEnd, AppointmentStatus status) {
    }
}
