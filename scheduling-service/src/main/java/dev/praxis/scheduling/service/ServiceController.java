package dev.praxis.scheduling.service;

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
@RequestMapping("/api/v1/services")
@Tag(name = "Services")
class ServiceController {

    private final ServiceCatalog catalog;

    ServiceController(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MANAGE_CATALOG)
    @Operation(summary = "Create a service", description = "201; 409 when the name is taken in the workspace "
            + "(case-insensitive). " + Roles.MANAGE_CATALOG_DOC)
    ServiceResponse create(CurrentUser user, @Valid @RequestBody ServiceRequest request) {
        return catalog.create(user, request);
    }

    @GetMapping
    @PreAuthorize(Roles.READ)
    @Operation(summary = "List services", description = "Paginated by name; `is_active` defaults to true. "
            + Roles.READ_DOC)
    PageResponse<ServiceResponse> list(CurrentUser user, PageQuery page,
                                       @RequestParam(name = "is_active", defaultValue = "true") boolean active) {
        return catalog.list(user, active, page);
    }

    @GetMapping("/{service_id}")
    @PreAuthorize(Roles.READ)
    @Operation(summary = "Get a service", description = "404 when absent, deleted or another workspace's. "
            + Roles.READ_DOC)
    ServiceResponse get(CurrentUser user, @PathVariable("service_id") UUID id) {
        return catalog.get(user, id);
    }

    @PutMapping("/{service_id}")
    @PreAuthorize(Roles.MANAGE_CATALOG)
    @Operation(summary = "Update a service", description = "Partial: absent fields stay unchanged; a null "
            + "`description` is cleared. 409 on a taken name. " + Roles.MANAGE_CATALOG_DOC)
    ServiceResponse update(CurrentUser user, @PathVariable("service_id") UUID id,
                           @Valid @RequestBody ServiceUpdate update) {
        return catalog.update(user, id, update);
    }

    @DeleteMapping("/{service_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.MANAGE_CATALOG)
    @Operation(summary = "Delete a service", description = "204. Soft (deactivated and hidden, still referenced by "
            + "its appointments) when appointments use it, hard otherwise. " + Roles.MANAGE_CATALOG_DOC)
    void delete(CurrentUser user, @PathVariable("service_id") UUID id) {
        catalog.delete(user, id);
    }
}
