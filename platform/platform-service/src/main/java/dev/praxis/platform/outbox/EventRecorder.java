package dev.praxis.platform.outbox;

import dev.praxis.contracts.events.Actor;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.RequestIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Records a domain event in the outbox, inside the transaction of the change it describes: the event commits with
 * the change or not at all. The relay publishes it after the commit.
 */
public class EventRecorder {

    /** Well under the producer's and the broker's 1 MB default message size. */
    static final int MAX_EVENT_BYTES = 256 * 1024;
    private static final int MAX_IP_LENGTH = 45;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final OutboxStore store;
    private final OutboxRelay relay;
    private final String producer;
    private final String topic;
    private final Clock clock;
    private final Supplier<Tracer> tracer;
    private final Supplier<Propagator> propagator;

    EventRecorder(OutboxStore store, OutboxRelay relay, String producer, String topic, Clock clock,
                  ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.store = store;
        this.relay = relay;
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
        this.propagator = SingletonSupplier.of(propagator::getIfAvailable);
    }

    /**
     * @throws IllegalStateException outside a transaction: an event recorded on its own could describe a change that
     *                               never committed; or for an event over {@value #MAX_EVENT_BYTES} bytes, which the
     *                               broker would refuse for ever and so hold up every event after it
     */
    public EventEnvelope record(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are recorded inside the transaction of the change they describe");
        }
        Optional<CurrentUser> caller = CurrentUser.current();
        UUID tenantId = event.tenantId() != null ? event.tenantId() : caller.map(CurrentUser::tenantId).orElse(null);
        Actor actor = event.actor() != null ? event.actor() : new Actor(event.actingUserId() != null
                ? event.actingUserId() : caller.map(CurrentUser::userId).orElse(null), clientIp());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), EventEnvelope.CURRENT_VERSION,
                clock.instant(), producer, tenantId, actor, event.resourceType(), event.resourceId(), event.action(),
                event.outcome(), RequestIds.current(), traceparent(), event.metadata());
        String payload = EventJson.write(envelope);
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EVENT_BYTES) {
            throw new IllegalStateException("event " + event.eventType() + " is " + bytes + " bytes, over "
                    + MAX_EVENT_BYTES + ": events carry ids, statuses and field names, never content");
        }
        store.insert(topic, envelope, payload);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return envelope;
    }

    public String topic() {
        return topic;
    }

    /** The caller's address; behind the gateway that is the first {@code X-Forwarded-For} hop it vouches for. */
    static String clientIp() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String forwarded = request.getHeader(PraxisHeaders.FORWARDED_FOR);
        if (forwarded != null && !forwarded.isBlank()) {
            String client = forwarded.split(",")[0].trim();
            if (isIpAddress(client)) {
                return client;
            }
        }
        return request.getRemoteAddr();
    }

    /** An IPv4 or IPv6 literal. Never looked up: a bracketed IPv6 literal is only parsed, an IPv4 one checked here. */
    static boolean isIpAddress(String value) {
        if (value.length() > MAX_IP_LENGTH) {
            return false;
        }
        if (IPV4.matcher(value).matches()) {
            return Arrays.stream(value.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        }
        if (!IPV6.matcher(value).matches()) {
            return false;
        }
        try {
            InetAddress.getByName("[" + value + "]");
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private String traceparent() {
        Tracer currentTracer = tracer.get();
        Propagator currentPropagator = propagator.get();
        Span span = currentTracer == null ? null : currentTracer.currentSpan();
        if (span == null || currentPropagator == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        currentPropagator.inject(span.context(), carrier, Map::put);
        return carrier.get(PraxisHeaders.TRACEPARENT);
    }
}
