package dev.praxis.scheduling.location;

import dev.praxis.contracts.events.Action;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.platform.web.Texts;
import dev.praxis.scheduling.web.ChangedFields;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

@Service
class LocationService {

    private static final Sort BY_NAME = Sort.by("name", "id");

    private final LocationRepository locations;
    private final EventRecorder events;
    private final Clock clock;

    LocationService(LocationRepository locations, EventRecorder events, Clock clock) {
        this.locations = locations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    LocationResponse create(CurrentUser user, LocationRequest request) {
        String name = request.name().strip();
        String address = blankToNull(request.address());
        requireAddressWhereNeeded(request.locationType(), address);
        requireNameFree(user.tenantId(), name, null);
        Location location = locations.saveAndFlush(new Location(user.tenantId(), name, request.locationType(), address,
                request.details(), request.isActive() == null || request.isActive(), clock.instant()));
        events.record(DomainEvent.of("location.created", "Location", location.id(), Action.CREATE)
                .with("location_type", location.locationType().value())
                .with("fields", ChangedFields.present("name", name, "location_type", request.locationType(),
                        "address", address, "details", request.details(), "is_active", request.isActive())));
        return LocationResponse.of(location);
    }

    @Transactional(readOnly = true)
    LocationResponse get(CurrentUser user, UUID id) {
        return LocationResponse.of(live(user, id));
    }

    @Transactional(readOnly = true)
    PageResponse<LocationResponse> list(CurrentUser user, boolean active, LocationType type, PageQuery page) {
        return PageResponse.of(locations.findLive(user.tenantId(), active, type, page.pageable(BY_NAME)), page,
                LocationResponse::of);
    }

    @Transactional
    LocationResponse update(CurrentUser user, UUID id, LocationUpdate update) {
        Location location = live(user, id);
        String name = update.name() == null ? null : update.name().strip();
        if (name != null) {
            requireNameFree(user.tenantId(), name, location.id());
        }
        ChangedFields changed = new ChangedFields()
                .value("name", name, location::name, location::name)
                .value("location_type", update.locationType(), location::locationType, location::locationType)
                .clearable("address", update.address() == null ? null : update.address().map(LocationService::blankToNull),
                        location::address, location::address)
                .clearable("details", update.details(), location::details, location::details)
                .value("is_active", update.isActive(), location::active, location::active);
        requireAddressWhereNeeded(location.locationType(), location.address());
        if (!changed.isEmpty()) {
            location.touched(clock.instant());
            locations.flush();
            events.record(DomainEvent.of("location.updated", "Location", location.id(), Action.UPDATE)
                    .with("location_type", location.locationType().value())
                    .with("fields", changed.names()));
        }
        return LocationResponse.of(location);
    }

    /** Soft when appointments reference the location (they keep pointing at it), hard otherwise. */
    @Transactional
    void delete(CurrentUser user, UUID id) {
        Location location = live(user, id);
        boolean referenced = locations.isReferenced(location.id());
        if (referenced) {
            location.markDeleted(clock.instant());
        } else {
            locations.delete(location);
        }
        locations.flush();
        events.record(DomainEvent.of("location.deleted", "Location", location.id(), Action.DELETE)
                .with("mode", referenced ? "soft" : "hard"));
    }

    private Location live(CurrentUser user, UUID id) {
        return locations.findLive(user.tenantId(), id).orElseThrow(() -> ApiException.notFound("Location"));
    }

    private void requireNameFree(UUID tenantId, String name, UUID self) {
        locations.findIdByName(tenantId, name).filter(holder -> !holder.equals(self)).ifPresent(holder -> {
            throw ApiException.conflict("A location with this name already exists");
        });
    }

    private static void requireAddressWhereNeeded(LocationType type, String address) {
        if (type.needsAddress() && address == null) {
            throw ApiException.invalidField("address", "Address is required for clinic and home locations", "missing");
        }
    }

    private static String blankToNull(String text) {
        return Texts.isBlank(text) ? null : text.strip();
    }
}
