package dev.praxis.scheduling.location;

import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.scheduling.web.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/locations")
@Tag(name = "Locations")
class LocationController {

    private final LocationService locations;

    LocationController(LocationService locations) {
        this.locations = locations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MANAGE_CATALOG)
    @Operation(summary = "Create a location", description = "201; 409 when the name is taken in the workspace; "
            + "422 when a clinic or home location has no address. " + Roles.MANAGE_CATALOG_DOC)
    LocationResponse create(CurrentUser user, @Valid @RequestBody LocationRequest request) {
        return locations.create(user, request);
    }

    @GetMapping
    @PreAuthorize(Roles.READ)
    @Operation(summary = "List locations", description = "Paginated by name; `is_active` defaults to true, "
            + "`location_type` filters by clinic, home or online. " + Roles.READ_DOC)
    PageResponse<LocationResponse> list(CurrentUser user, PageQuery page,
                                        @RequestParam(name = "is_active", defaultValue = "true") boolean active,
                                        @RequestParam(name = "location_type", required = false) LocationType type) {
        return locations.list(user, active, type, page);
    }

    @GetMapping("/{location_id}")
    @PreAuthorize(Roles.READ)
    @Operation(summary = "Get a location", description = "404 when absent, deleted or another workspace's. "
            + Roles.READ_DOC)
    LocationResponse get(CurrentUser user, @PathVariable("location_id") UUID id) {
        return locations.get(user, id);
    }

    @PutMapping("/{location_id}")
    @PreAuthorize(Roles.MANAGE_CATALOG)
    @Operation(summary = "Update a location", description = "Partial: absent fields stay unchanged; `address` and "
            + "`details` sent as null are cleared. 409 on a taken name, 422 when the result would be a clinic or "
            + "home location without an address. " + Roles.MANAGE_CATALOG_DOC)
    LocationResponse update(CurrentUser user, @PathVariable("location_id") UUID id,
                            @Valid @RequestBody LocationUpdate update) {
        return locations.update(user, id, update);
    }

    @DeleteMapping("/{location_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.MANAGE_CATALOG)
    @Operation(summary = "Delete a location", description = "204. Soft (deactivated and hidden, still referenced by "
            + "its appointments) when appointments use it, hard otherwise. " + Roles.MANAGE_CATALOG_DOC)
    void delete(CurrentUser user, @PathVariable("location_id") UUID id) {
        locations.delete(user, id);
    }
}
