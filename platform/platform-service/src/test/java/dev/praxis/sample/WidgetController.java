package dev.praxis.sample;

import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.ListWindow;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/widgets")
class WidgetController {

    private final WidgetService service;
    private final WidgetRepository widgets;

    private final io.micrometer.tracing.Tracer tracer;

    WidgetController(WidgetService service, WidgetRepository widgets, io.micrometer.tracing.Tracer tracer) {
        this.service = service;
        this.widgets = widgets;
        this.tracer = tracer;
    }

    record WidgetRequest(@NotBlank @Size(max = 50) String name, @Email String contactEmail, @Min(1) Integer quantity,
                         Instant startsAt, List<@Size(max = 5) String> tags, Finish finish, Boolean fragile) {
    }

    enum Finish { MATTE, GLOSS }

    record WidgetResponse(UUID id, String name, Instant createdAt) {
        static WidgetResponse of(Widget widget) {
            return new WidgetResponse(widget.getId(), widget.getName(), widget.getCreatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WidgetResponse create(CurrentUser user, @Valid @RequestBody WidgetRequest request) {
        return WidgetResponse.of(service.create(user, request.name()));
    }

    @PostMapping("/failing")
    WidgetResponse createThenFail(CurrentUser user, @Valid @RequestBody WidgetRequest request) {
        return WidgetResponse.of(service.createThenFail(user, request.name()));
    }

    @GetMapping
    PageResponse<WidgetResponse> list(CurrentUser user, PageQuery page) {
        return PageResponse.of(widgets.findByTenantId(user.tenantId(), page.pageable(Sort.by("name"))), page,
                WidgetResponse::of);
    }

    /** The Celuma way: a JSON array, {@code limit}/{@code offset}, the total in {@code X-Total-Count}. */
    @GetMapping("/array")
    ResponseEntity<List<WidgetResponse>> listAsArray(CurrentUser user, ListWindow window) {
        return ListWindow.respond(widgets.findByTenantId(user.tenantId(), window.pageable(Sort.by("name"))),
                WidgetResponse::of);
    }

    @GetMapping("/{widgetId}")
    WidgetResponse get(CurrentUser user, @PathVariable("widgetId") UUID id) {
        return widgets.findByIdAndTenantId(id, user.tenantId()).map(WidgetResponse::of)
                .orElseThrow(() -> ApiException.notFound("Widget"));
    }

    @DeleteMapping("/{widgetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('admin')")
    void delete(CurrentUser user, @PathVariable("widgetId") UUID id) {
        service.delete(user, id);
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam("limit") @Max(500) int limit) {
        return Map.of("limit", limit);
    }

    /** Optional typed filters and a text one, declared as the services declare theirs. */
    @GetMapping("/filtered")
    Map<String, Object> filtered(@RequestParam(name = "owner_id", required = false) UUID owner,
                                 @RequestParam(name = "is_active", defaultValue = "true") boolean active,
                                 @RequestParam(name = "since", required = false)
                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
                                 @RequestParam(name = "name", required = false) String name) {
        return Map.of("owner_id", String.valueOf(owner), "is_active", active, "since", String.valueOf(since),
                "name", String.valueOf(name));
    }

    @GetMapping("/me")
    Map<String, Object> me(CurrentUser user) {
        var span = tracer.currentSpan();
        return Map.of("user_id", user.userId(), "tenant_id", user.tenantId(), "roles", user.roles(),
                "trace_id", span == null ? "none" : span.context().traceId());
    }

    @GetMapping("/explode")
    Map<String, Object> explode() {
        throw new IllegalStateException("patient Jane Roe, DOB 1970-01-01");
    }

    @GetMapping("/connection-lost")
    Map<String, Object> connectionLost() {
        throw new org.springframework.orm.jpa.JpaSystemException(
                new RuntimeException("commit failed", new java.sql.SQLException("I/O error", "08006")));
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@RequestPart("file") MultipartFile file) {
        return Map.of("size", file.getSize());
    }
}
