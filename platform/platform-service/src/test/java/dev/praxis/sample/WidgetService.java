package dev.praxis.sample;

import dev.praxis.contracts.events.Action;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

@Service
class WidgetService {

    private final WidgetRepository widgets;
    private final EventRecorder events;

    WidgetService(WidgetRepository widgets, EventRecorder events) {
        this.widgets = widgets;
        this.events = events;
    }

    @Transactional
    Widget create(CurrentUser user, String name) {
        Widget widget = widgets.saveAndFlush(new Widget(user.tenantId(), name, Instant.now()));
        events.record(DomainEvent.of("widget.created", "Widget", widget.getId(), Action.CREATE).with("fields", java.util.List.of("name")));
        return widget;
    }

    /** Records its event, then fails: neither the widget nor the event may survive. */
    @Transactional
    Widget createThenFail(CurrentUser user, String name) {
        Widget widget = widgets.saveAndFlush(new Widget(user.tenantId(), name, Instant.now()));
        events.record(DomainEvent.of("widget.created", "Widget", widget.getId(), Action.CREATE));
        throw ApiException.conflict("refused after the event was recorded");
    }

    @Transactional
    void delete(CurrentUser user, UUID id) {
        Widget widget = widgets.findByIdAndTenantId(id, user.tenantId()).orElseThrow(() -> ApiException.notFound("Widget"));
        widgets.delete(widget);
        events.record(DomainEvent.of("widget.deleted", "Widget", id, Action.DELETE));
    }
}
