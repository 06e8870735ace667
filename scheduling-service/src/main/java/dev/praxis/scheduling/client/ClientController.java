package dev.praxis.scheduling.client;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients")
class ClientController {

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.WRITE)
    @Operation(summary = "Create a client", description = "201. Email, phone, date of birth and notes are encrypted "
            + "at rest. " + Roles.WRITE_DOC)
    ClientResponse create(CurrentUser user, @Valid @RequestBody ClientRequest request) {
        return clients.create(user, request);
    }

    @GetMapping
    @PreAuthorize(Roles.READ)
    @Operation(summary = "List clients", description = "Paginated, by last name then first name; archived clients "
            + "are not listed. " + Roles.READ_DOC)
    PageResponse<ClientResponse> list(CurrentUser user, PageQuery page) {
        return clients.list(user, page);
    }

    @GetMapping("/{client_id}")
    @PreAuthorize(Roles.READ)
    @Operation(summary = "Get a client", description = "404 when absent, archived or another workspace's. The read "
            + "is audited (client.read event). " + Roles.READ_DOC)
    ClientResponse get(CurrentUser user, @PathVariable("client_id") UUID id) {
        return clients.get(user, id);
    }

    @PutMapping("/{client_id}")
    @PreAuthorize(Roles.WRITE)
    @Operation(summary = "Update a client", description = "Partial: absent fields stay unchanged; `email`, `phone`, "
            + "`date_of_birth` and `notes` sent as null are cleared. " + Roles.WRITE_DOC)
    ClientResponse update(CurrentUser user, @PathVariable("client_id") UUID id, @Valid @RequestBody ClientUpdate update) {
        return clients.update(user, id, update);
    }

    @DeleteMapping("/{client_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.WRITE)
    @Operation(summary = "Delete a client", description = "204. Archives the client (then 404 and no longer listed) "
            + "and cancels its future scheduled appointments, which are kept for the record. " + Roles.WRITE_DOC)
    void delete(CurrentUser user, @PathVariable("client_id") UUID id) {
        clients.delete(user, id);
    }
}
