package dev.praxis.scheduling.client;

import dev.praxis.contracts.events.Action;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.scheduling.web.ChangedFields;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Clients of a workspace. Every change and every single-client read is an event (names of fields only, no PHI). */
@Service
class ClientService {

    private static final Sort BY_NAME = Sort.by("lastName", "firstName", "id");
    /** Like appointment times (1900-9999): year 1 or -1 is a typing slip, not a birth date. */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final ClientRepository clients;
    private final EventRecorder events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ClientService(ClientRepository clients, EventRecorder events, ApplicationEventPublisher publisher, Clock clock) {
        this.clients = clients;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    ClientResponse create(CurrentUser user, ClientRequest request) {
        requirePlausibleBirth(request.dateOfBirth());
        Client client = new Client(user.tenantId(), clock.instant());
        client.firstName(request.firstName().strip());
        client.lastName(request.lastName().strip());
        client.email(request.email());
        client.phone(request.phone());
        client.dateOfBirth(request.dateOfBirth());
        client.consentStatus(Boolean.TRUE.equals(request.consentStatus()));
        client.notes(request.notes());
        client.tags(request.tags() == null ? List.of() : request.tags());
        clients.saveAndFlush(client);
        events.record(DomainEvent.of("client.created", "Client", client.id(), Action.CREATE)
                .with("fields", ChangedFields.present("first_name", request.firstName(), "last_name",
                        request.lastName(), "email", request.email(), "phone", request.phone(), "date_of_birth",
                        request.dateOfBirth(), "consent_status", request.consentStatus(), "notes", request.notes(),
                        "tags", request.tags())));
        return ClientResponse.of(client);
    }

    /** A read of one client's PHI: audited as {@code client.read}. */
    @Transactional
    ClientResponse get(CurrentUser user, UUID id) {
        Client client = active(user, id);
        events.record(DomainEvent.of("client.read", "Client", client.id(), Action.READ));
        return ClientResponse.of(client);
    }

    @Transactional(readOnly = true)
    PageResponse<ClientResponse> list(CurrentUser user, PageQuery page) {
        return PageResponse.of(clients.findActive(user.tenantId(), page.pageable(BY_NAME)), page, ClientResponse::of);
    }

    @Transactional
    ClientResponse update(CurrentUser user, UUID id, ClientUpdate update) {
        Client client = active(user, id);
        if (update.dateOfBirth() != null) {
            update.dateOfBirth().ifPresent(ClientService::requirePlausibleBirth);
        }
        ChangedFields changed = new ChangedFields()
                .value("first_name", strip(update.firstName()), client::firstName, client::firstName)
                .value("last_name", strip(update.lastName()), client::lastName, client::lastName)
                .clearable("email", update.email(), client::email, client::email)
                .clearable("phone", update.phone(), client::phone, client::phone)
                .clearable("date_of_birth", update.dateOfBirth(), client::dateOfBirth, client::dateOfBirth)
                .value("consent_status", update.consentStatus(), client::consentStatus, client::consentStatus)
                .clearable("notes", update.notes(), client::notes, client::notes)
                .value("tags", update.tags(), client::tags, client::tags);
        if (changed.isEmpty()) {
            // Nothing changed, yet the answer is the client's record: that is a read.
            events.record(DomainEvent.of("client.read", "Client", client.id(), Action.READ));
        } else {
            client.touched(clock.instant());
            clients.flush();
            events.record(DomainEvent.of("client.updated", "Client", client.id(), Action.UPDATE)
                    .with("fields", changed.names()));
        }
        return ClientResponse.of(client);
    }

    /**
     * DESIGN.md decision 6: the client is archived (gone from the API, kept in the database) and its future
     * appointments are cancelled, in this transaction, by the listeners of {@link ClientArchived}.
     */
    @Transactional
    void delete(CurrentUser user, UUID id) {
        Client client = active(user, id);
        Instant now = clock.instant();
        client.archive(now);
        clients.flush();
        events.record(DomainEvent.of("client.deleted", "Client", client.id(), Action.DELETE).with("mode", "archived"));
        publisher.publishEvent(new ClientArchived(client.tenantId(), client.id(), now));
    }

    private Client active(CurrentUser user, UUID id) {
        return clients.findActive(user.tenantId(), id).orElseThrow(() -> ApiException.notFound("Client"));
    }

    private static void requirePlausibleBirth(LocalDate dateOfBirth) {
        if (dateOfBirth != null && dateOfBirth.isBefore(EARLIEST_BIRTH)) {
            throw ApiException.invalidField("date_of_birth", "date_of_birth must be on or after 1900-01-01",
                    "value_error");
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
