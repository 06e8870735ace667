package dev.praxis.scheduling.appointment;

import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.platform.web.QueryRanges;
import dev.praxis.scheduling.web.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Query datetimes are {@link OffsetDateTime}s: one without an offset is a 422, as in bodies. */
@RestController
@RequestMapping("/api/v1/appointments")
@Tag(name = "Appointments")
class AppointmentController {

    private final AppointmentService appointments;

    AppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.WRITE)
    @Operation(summary = "Create an appointment", description = "201; 409 with `detail.conflicting_appointments` when "
            + "a scheduled or completed appointment overlaps `[scheduled_start, scheduled_end)`; 404 when the client, "
            + "service or location is not the workspace's; 422 unless `scheduled_end` is after `scheduled_start`, "
            + "or for a time outside the years 1900-9999. "
            + Roles.WRITE_DOC)
    AppointmentResponse create(CurrentUser user, @Valid @RequestBody AppointmentRequest request) {
        return appointments.create(user, request);
    }

    @GetMapping
    @PreAuthorize(Roles.READ)
    @Operation(summary = "List appointments", description = "Paginated in start order. `start_date`/`end_date` "
            + "(ISO-8601 with offset) select appointments overlapping that window (calendar view); `client_id` and "
            + "`status` filter. " + Roles.READ_DOC)
    PageResponse<AppointmentResponse> list(
            CurrentUser user, PageQuery page,
            @RequestParam(name = "start_date", required = false) @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime startDate,
            @RequestParam(name = "end_date", required = false) @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime endDate,
            @RequestParam(name = "client_id", required = false) UUID clientId,
            @RequestParam(name = "status", required = false) AppointmentStatus status) {
        Instant from = startDate == null ? null : startDate.toInstant();
        Instant to = endDate == null ? null : endDate.toInstant();
        QueryRanges.requireOrdered(from, to, "start_date", "end_date");
        return appointments.list(user, new AppointmentFilter(from, to, clientId, status), page);
    }

    @GetMapping("/conflicts")
    @PreAuthorize(Roles.READ)
    @Operation(summary = "Check a time slot for conflicts", description = "The scheduled or completed appointments "
            + "overlapping `[scheduled_start, scheduled_end)` (the earliest 50, as in a 409), showing client "
            + "initials only; `exclude_appointment_id` leaves out the appointment being edited. " + Roles.READ_DOC)
    Conflicts.CheckResponse conflicts(
            CurrentUser user,
            @RequestParam("scheduled_start") @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime start,
            @RequestParam("scheduled_end") @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime end,
            @RequestParam(name = "exclude_appointment_id", required = false) UUID excludeId) {
        QueryRanges.requireOrdered(start.toInstant(), end.toInstant(), "scheduled_start", "scheduled_end");
        return appointments.checkConflicts(user, start.toInstant(), end.toInstant(), excludeId);
    }

    @GetMapping("/{appointment_id}")
    @PreAuthorize(Roles.READ)
    @Operation(summary = "Get an appointment", description = "404 when absent or another workspace's. "
            + Roles.READ_DOC)
    AppointmentResponse get(CurrentUser user, @PathVariable("appointment_id") UUID id) {
        return appointments.get(user, id);
    }

    @PutMapping("/{appointment_id}")
    @PreAuthorize(Roles.WRITE)
    @Operation(summary = "Update an appointment", description = "Partial: absent fields stay unchanged; "
            + "`service_id`, `location_id`, `location_details` and `notes` sent as null are cleared. A change of time "
            + "or status re-checks conflicts (409 as on create). " + Roles.WRITE_DOC)
    AppointmentResponse update(CurrentUser user, @PathVariable("appointment_id") UUID id,
                               @Valid @RequestBody AppointmentUpdate update) {
        return appointments.update(user, id, update);
    }

    @DeleteMapping("/{appointment_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.WRITE)
    @Operation(summary = "Delete an appointment", description = "204. " + Roles.WRITE_DOC)
    void delete(CurrentUser user, @PathVariable("appointment_id") UUID id) {
        appointments.delete(user, id);
    }
}
