package dev.praxis.scheduling.client;

import dev.praxis.platform.web.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** For other features that reference a client. Another tenant's client is always a 404. */
@Component
public class ClientLookup {

    private final ClientRepository clients;

    ClientLookup(ClientRepository clients) {
        this.clients = clients;
    }

    /** A client whose records may be looked up, archived or not. @throws ApiException 404 when absent or another tenant's */
    @Transactional(readOnly = true)
    public void requireKnown(UUID tenantId, UUID clientId) {
        if (!clients.existsByIdAndTenantId(clientId, tenantId)) {
            throw ApiException.notFound("Client");
        }
    }
}
