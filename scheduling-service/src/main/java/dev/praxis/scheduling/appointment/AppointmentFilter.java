package dev.praxis.scheduling.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /api/v1/appointments} filters; each may be null. {@code from}/{@code to} select appointments overlapping
 * {@code [from, to)} (the calendar view); either bound alone leaves the window open on the other side.
 */
record AppointmentFilter(Instant from, Instant to, UUID clientId, AppointmentStatus status) {
}
