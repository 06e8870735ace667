package dev.praxis.scheduling.appointment;

import dev.praxis.contracts.events.Action;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.scheduling.client.ClientArchived;
import dev.praxis.scheduling.client.ClientLookup;
import dev.praxis.scheduling.web.ChangedFields;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Appointments and the conflict rule. A booking is checked against existing appointments first, only to answer a
 * friendly 409; the guarantee is the database's {@code appointment_no_overlap} exclusion constraint, which rejects the
 * loser of concurrent bookings of one slot (SQLState 23P01). Creates and updates therefore run in their own
 * transaction ({@link TransactionTemplate}): when the constraint rejects one, its transaction is gone and the
 * conflicting appointments are read again in a new one for the same 409.
 */
@Service
class AppointmentService {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final AppointmentRepository appointments;
    private final AppointmentSearch search;
    private final ConflictFinder conflicts;
    private final ClientLookup clients;
    private final BookingReferences references;
    private final EventRecorder events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AppointmentService(AppointmentRepository appointments, AppointmentSearch search, ConflictFinder conflicts,
                       ClientLookup clients, BookingReferences references, EventRecorder events,
                       PlatformTransactionManager transactionManager, Clock clock) {
        this.appointments = appointments;
        this.search = search;
        this.conflicts = conflicts;
        this.clients = clients;
        this.references = references;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    AppointmentResponse create(CurrentUser user, AppointmentRequest request) {
        UUID tenantId = user.tenantId();
        requireOnTheCalendar(request.scheduledStart(), "scheduled_start");
        requireOnTheCalendar(request.scheduledEnd(), "scheduled_end");
        requireEndAfterStart(micros(request.scheduledStart()), micros(request.scheduledEnd()));
        return rejectingOverlaps(() -> transactions.execute(tx -> {
            references.require(tenantId, request.clientId(), request.serviceId(), request.locationId());
            Appointment appointment = new Appointment(tenantId, request.clientId(), clock.instant());
            appointment.serviceId(request.serviceId());
            appointment.locationId(request.locationId());
            appointment.scheduledStart(micros(request.scheduledStart()));
            appointment.scheduledEnd(micros(request.scheduledEnd()));
            appointment.locationType(request.locationType());
            appointment.locationDetails(request.locationDetails());
            appointment.status(Objects.requireNonNullElse(request.status(), AppointmentStatus.SCHEDULED));
            appointment.notes(request.notes());
            rejectConflicts(appointment);
            appointments.saveAndFlush(appointment);
            events.record(event("appointment.created", Action.CREATE, appointment)
                    .with("fields", ChangedFields.present("client_id", request.clientId(), "service_id",
                            request.serviceId(), "location_id", request.locationId(), "scheduled_start",
                            request.scheduledStart(), "scheduled_end", request.scheduledEnd(), "location_type",
                            request.locationType(), "location_details", request.locationDetails(), "status",
                            request.status(), "notes", request.notes())));
            return AppointmentResponse.of(appointment);
        }), () -> conflicts.find(tenantId, request.scheduledStart(), request.scheduledEnd(), null));
    }

    /** A read of one appointment (its notes are free text): audited as {@code appointment.read}. */
    @Transactional
    AppointmentResponse get(CurrentUser user, UUID id) {
        Appointment appointment = owned(user, id);
        events.record(event("appointment.read", Action.READ, appointment));
        return AppointmentResponse.of(appointment);
    }

    @Transactional(readOnly = true)
    PageResponse<AppointmentResponse> list(CurrentUser user, AppointmentFilter filter, PageQuery page) {
        if (filter.clientId() != null) {
            clients.requireKnown(user.tenantId(), filter.clientId());
        }
        return search.find(user.tenantId(), filter, page);
    }

    @Transactional(readOnly = true)
    Conflicts.CheckResponse checkConflicts(CurrentUser user, Instant start, Instant end, UUID excludeId) {
        if (excludeId != null && !appointments.existsByIdAndTenantId(excludeId, user.tenantId())) {
            throw ApiException.notFound("Appointment");
        }
        return Conflicts.CheckResponse.of(conflicts.find(user.tenantId(), start, end, excludeId));
    }

    AppointmentResponse update(CurrentUser user, UUID id, AppointmentUpdate update) {
        UUID tenantId = user.tenantId();
        requireOnTheCalendar(update.scheduledStart(), "scheduled_start");
        requireOnTheCalendar(update.scheduledEnd(), "scheduled_end");
        return rejectingOverlaps(() -> transactions.execute(tx -> {
            Appointment appointment = owned(user, id);
            AppointmentStatus previousStatus = appointment.status();
            references.require(tenantId, newClient(update.clientId(), appointment.clientId()),
                    newReference(update.serviceId(), appointment.serviceId()),
                    newReference(update.locationId(), appointment.locationId()));
            ChangedFields changed = new ChangedFields()
                    .value("client_id", update.clientId(), appointment::clientId, appointment::clientId)
                    .clearable("service_id", update.serviceId(), appointment::serviceId, appointment::serviceId)
                    .clearable("location_id", update.locationId(), appointment::locationId, appointment::locationId)
                    .value("scheduled_start", micros(update.scheduledStart()), appointment::scheduledStart,
                            appointment::scheduledStart)
                    .value("scheduled_end", micros(update.scheduledEnd()), appointment::scheduledEnd,
                            appointment::scheduledEnd)
                    .value("location_type", update.locationType(), appointment::locationType, appointment::locationType)
                    .clearable("location_details", update.locationDetails(), appointment::locationDetails,
                            appointment::locationDetails)
                    .value("status", update.status(), appointment::status, appointment::status)
                    .clearable("notes", update.notes(), appointment::notes, appointment::notes);
            requireEndAfterStart(appointment.scheduledStart(), appointment.scheduledEnd());
            boolean timesChanged = changed.contains("scheduled_start") || changed.contains("scheduled_end");
            boolean booksAgain = appointment.status().blocksTime()
                    && (timesChanged || !previousStatus.blocksTime());
            if (booksAgain && appointment.scheduledEnd().isAfter(clock.instant()) && !changed.contains("client_id")) {
                // Booking future time again is a booking: not for an archived client, whose future appointments the
                // delete cancelled. Completing or correcting a past one stays possible.
                references.require(tenantId, appointment.clientId(), null, null);
            }
            if (timesChanged || changed.contains("status")) {
                rejectConflicts(appointment);
            }
            if (changed.isEmpty()) {
                // Nothing changed, yet the answer is the appointment: that is a read.
                events.record(event("appointment.read", Action.READ, appointment));
            } else {
                appointment.touched(clock.instant());
                appointments.flush();
                DomainEvent event = event("appointment.updated", Action.UPDATE, appointment)
                        .with("fields", changed.names());
                if (changed.contains("status")) {
                    event.with("previous_status", previousStatus.value());
                }
                events.record(event);
            }
            return AppointmentResponse.of(appointment);
        }), () -> {
            Appointment current = appointments.findByIdAndTenantId(id, tenantId)
                    .orElseThrow(() -> ApiException.notFound("Appointment"));
            return conflicts.find(tenantId, Objects.requireNonNullElse(update.scheduledStart(), current.scheduledStart()),
                    Objects.requireNonNullElse(update.scheduledEnd(), current.scheduledEnd()), id);
        });
    }

    @Transactional
    void delete(CurrentUser user, UUID id) {
        Appointment appointment = owned(user, id);
        appointments.delete(appointment);
        appointments.flush();
        events.record(event("appointment.deleted", Action.DELETE, appointment));
    }

    /**
     * DESIGN.md decision 6: a deleted (archived) client's future scheduled appointments are cancelled, not removed.
     * Runs inside the client's delete transaction, so the archive, the cancellations and all their events commit
     * together.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void cancelFutureAppointments(ClientArchived archived) {
        List<Appointment> future = appointments.findStartingAfter(archived.tenantId(), archived.clientId(),
                AppointmentStatus.SCHEDULED, archived.archivedAt());
        for (Appointment appointment : future) {
            appointment.status(AppointmentStatus.CANCELLED);
            appointment.touched(archived.archivedAt());
            events.record(event("appointment.updated", Action.UPDATE, appointment)
                    .with("fields", List.of("status"))
                    .with("previous_status", AppointmentStatus.SCHEDULED.value())
                    .with("cause", "client.deleted"));
        }
        appointments.flush();
    }

    private Appointment owned(CurrentUser user, UUID id) {
        return appointments.findByIdAndTenantId(id, user.tenantId())
                .orElseThrow(() -> ApiException.notFound("Appointment"));
    }

    /** The client an update moves the appointment to, if it is another one. */
    private static UUID newClient(UUID requested, UUID current) {
        return requested == null || requested.equals(current) ? null : requested;
    }

    /** The id an update points a reference to, if it is a new one (a kept reference may name a deleted service). */
    @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
    private static UUID newReference(Optional<UUID> requested, UUID current) {
        return requested == null ? null : requested.filter(id -> !id.equals(current)).orElse(null);
    }

    /** The friendly check: a blocking appointment that overlaps others is answered with them (409). */
    private void rejectConflicts(Appointment appointment) {
        if (!appointment.status().blocksTime()) {
            return;
        }
        List<Conflicts.Found> found = conflicts.find(appointment.tenantId(), appointment.scheduledStart(),
                appointment.scheduledEnd(), appointment.id());
        if (!found.isEmpty()) {
            throw conflict(found);
        }
    }

    /** The guarantee: the exclusion constraint rejected the write; answer as the friendly check would have. */
    private static <T> T rejectingOverlaps(Supplier<T> write, Supplier<List<Conflicts.Found>> conflictsNow) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            if (!isExclusionViolation(e)) {
                throw e;
            }
            throw conflict(conflictsNow.get());
        }
    }

    private static boolean isExclusionViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ApiException conflict(List<Conflicts.Found> found) {
        return new ApiException(HttpStatus.CONFLICT, Conflicts.Detail.of(found));
    }

    /** PostgreSQL keeps microseconds; so does the API, so that a time reads back exactly as it was answered. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * JSON reads any year up to a billion, which no date arithmetic after it can hold, and PostgreSQL and Java count
     * days before 1582 on different calendars: an appointment falls between 1900 and 9999.
     */
    private static void requireOnTheCalendar(Instant instant, String field) {
        if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST))) {
            throw ApiException.invalidField(field, field + " must fall between the years 1900 and 9999", "value_error");
        }
    }

    private static void requireEndAfterStart(Instant start, Instant end) {
        if (start != null && end != null && !end.isAfter(start)) {
            throw ApiException.invalidField("scheduled_end", "scheduled_end must be after scheduled_start",
                    "value_error");
        }
    }

    /** Ids and status only: an appointment's notes, details and times-with-names never leave in an event. */
    private static DomainEvent event(String type, Action action, Appointment appointment) {
        DomainEvent event = DomainEvent.of(type, "Appointment", appointment.id(), action)
                .with("client_id", appointment.clientId().toString())
                .with("status", appointment.status().value());
        if (appointment.serviceId() != null) {
            event.with("service_id", appointment.serviceId().toString());
        }
        if (appointment.locationId() != null) {
            event.with("location_id", appointment.locationId().toString());
        }
        return event;
    }
}
