package dev.praxis.audit.api;

import dev.praxis.audit.record.AuditFilter;
import dev.praxis.audit.record.AuditLog;
import dev.praxis.audit.record.AuditRecord;
import dev.praxis.audit.record.AuditStore;
import dev.praxis.audit.record.ChainHash;
import dev.praxis.contracts.web.ValidationError;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.platform.web.QueryRanges;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The audit log, read-only, for the caller's tenant: roles {@code admin} and {@code auditor}. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('admin','auditor')")
class AuditController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final AuditStore store;
    private final AuditLog log;

    AuditController(AuditStore store, AuditLog log) {
        this.store = store;
        this.log = log;
    }

    @GetMapping
    @Operation(description = "Audit events of the caller's tenant, newest first. Roles: admin, auditor. `event_type` "
            + "without a dot matches that verb on any resource (`deleted` matches `client.deleted`).")
    PageResponse<AuditEventResponse> list(CurrentUser user, PageQuery page,
                                          @RequestParam(name = "resource_type", required = false) String resourceType,
                                          @RequestParam(name = "resource_id", required = false) String resourceId,
                                          @RequestParam(name = "event_type", required = false) String eventType,
                                          @RequestParam(name = "start_date", required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
                                          @RequestParam(name = "end_date", required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime end,
                                          @RequestParam(name = "user_id", required = false) UUID userId) {
        QueryRanges.requireNotReversed(start == null ? null : start.toInstant(), end == null ? null : end.toInstant(),
                "start_date", "end_date");
        AuditFilter filter = new AuditFilter(user.tenantId(), blankToNull(resourceType), blankToNull(resourceId),
                blankToNull(eventType), start, end, userId);
        return PageResponse.of(store.page(filter, page.pageSize(), page.offset()).stream()
                .map(AuditEventResponse::of).toList(), () -> store.count(filter), page);
    }

    @GetMapping("/verify")
    @Operation(description = "Recomputes the caller's tenant hash chain and reports the first broken sequence number, "
            + "and, when it is intact, its head (`head_sequence`, `head_hash`). Keep the head of an intact chain outside "
            + "Praxis and pass it back as `anchor_sequence` and `anchor_hash` (both or neither): a chain cut short "
            + "before it, or rewritten with every hash recomputed, then fails at that sequence. Roles: admin, auditor.")
    AuditLog.Verification verify(CurrentUser user,
                                 @RequestParam(name = "anchor_sequence", required = false) Long anchorSequence,
                                 @RequestParam(name = "anchor_hash", required = false) String anchorHash) {
        return log.verify(user.tenantId(), anchor(anchorSequence, anchorHash));
    }

    @GetMapping("/{audit_event_id}")
    @Operation(description = "One audit event of the caller's tenant. Roles: admin, auditor.")
    AuditEventResponse get(CurrentUser user, @PathVariable("audit_event_id") UUID id) {
        return store.find(user.tenantId(), id).map(AuditEventResponse::of)
                .orElseThrow(() -> ApiException.notFound("Audit event"));
    }

    private static AuditLog.Anchor anchor(Long sequence, String hash) {
        List<ValidationError> errors = new ArrayList<>();
        if (sequence == null && hash != null) {
            errors.add(ValidationError.query("anchor_sequence", "Field required with anchor_hash", "missing"));
        } else if (sequence != null && sequence < 0) {
            errors.add(ValidationError.query("anchor_sequence", "Input should be greater than or equal to 0",
                    "value_error.number.not_ge"));
        }
        if (hash == null && sequence != null) {
            errors.add(ValidationError.query("anchor_hash", "Field required with anchor_sequence", "missing"));
        } else if (hash != null && !SHA_256_HEX.matcher(hash).matches()) {
            errors.add(ValidationError.query("anchor_hash", "Input should be a SHA-256 hash (64 lowercase hexadecimal "
                    + "digits)", "value_error.pattern"));
        } else if (hash != null && Long.valueOf(0).equals(sequence) && !ChainHash.GENESIS.equals(hash)) {
            errors.add(ValidationError.query("anchor_hash", "Input should be the genesis hash (64 zeros) at "
                    + "anchor_sequence 0", "value_error"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return sequence == null ? null : new AuditLog.Anchor(sequence, hash);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The PazPaz audit item, plus tenant id, outcome, request id, sequence and hash. */
    record AuditEventResponse(UUID id, UUID workspaceId, UUID tenantId, String eventType, String resourceType,
                              String resourceId, String action, String outcome, UUID userId, String ip,
                              String requestId, JsonNode metadata, Instant createdAt, Instant recordedAt,
                              long sequence, String hash) {

        static AuditEventResponse of(AuditRecord r) {
            return new AuditEventResponse(r.id(), r.tenantId(), r.tenantId(), r.eventType(), r.resourceType(),
                    r.resourceId(), r.action(), r.outcome(), r.userId(), r.ip(), r.requestId(),
                    JSON.readTree(r.metadata()), r.occurredAt(), r.recordedAt(), r.sequence(), r.hash());
        }
    }
}
