package dev.praxis.auth.branch;

import dev.praxis.contracts.events.Action;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;

/** Branches: created here, looked up by the other features of the service. */
@Service
public class BranchService {

    static final String DEFAULT_TIMEZONE = "UTC";

    private final BranchRepository branches;
    private final EventRecorder events;
    private final Clock clock;

    BranchService(BranchRepository branches, EventRecorder events, Clock clock) {
        this.branches = branches;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Branch create(UUID tenantId, BranchController.CreateBranchRequest request) {
        String timezone = timezone(request.timezone());
        if (branches.existsByTenantIdAndCodeIgnoreCase(tenantId, request.code().strip())) {
            throw ApiException.conflict("A branch with this code already exists");
        }
        Branch branch = branches.saveAndFlush(new Branch(tenantId, request, timezone, clock.instant()));
        events.record(DomainEvent.of("branch.created", "Branch", branch.getId(), Action.CREATE)
                .with("is_active", branch.isActive()));
        return branch;
    }

    /** Whether the branch is one of this tenant's (a {@code branch_id} in a body must be). */
    @Transactional(readOnly = true)
    public boolean existsInTenant(UUID branchId, UUID tenantId) {
        return branches.existsByIdAndTenantId(branchId, tenantId);
    }

    private static String timezone(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_TIMEZONE;
        }
        try {
            return ZoneId.of(requested.strip()).getId();
        } catch (DateTimeException e) {
            throw ApiException.invalidField("timezone", "Unknown time zone; use an IANA name such as Europe/Paris",
                    "value_error.timezone");
        }
    }
}
