package dev.praxis.audit.ingest;

import dev.praxis.audit.record.AuditLog;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.platform.outbox.EventJson;
import dev.praxis.platform.outbox.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads every {@code praxis.<service>.events} topic, including topics created after start-up. Offsets are committed
 * only after {@link AuditLog#append} has committed the rows; a malformed record is parked on {@code <topic>.dlt} with the
 * reason (by the platform's error handler) and consumption goes on.
 */
@Component
class EventIngestor {

    private final AuditLog log;
    private final Counter deadLettered;

    EventIngestor(AuditLog log, MeterRegistry meters) {
        this.log = log;
        this.deadLettered = meters.counter("praxis.audit.dead.lettered");
    }

    /**
     * A poll's worth of records in one transaction. A record that cannot be stored splits the batch: the records before
     * it are stored, it goes to the dead-letter topic, and the ones after it are delivered again. That is a malformed
     * record, or a well-formed one the log refuses (a value longer than its column); the batch is then stored one
     * record at a time to find it, so that one bad event never takes the others of its batch with it.
     */
    @KafkaListener(id = "audit-ingest", topicPattern = Topics.ALL_EVENTS_REGEX, groupId = "audit-service", batch = "true")
    void ingest(List<String> payloads) {
        List<EventEnvelope> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            try {
                events.add(EventJson.read(payloads.get(i)));
            } catch (MalformedEventException e) {
                store(events);
                deadLettered.increment();
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        store(events);
    }

    /** Stores the events, the first {@code events.size()} records of the batch, or names the one that fails. */
    private void store(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            log.append(events);
        } catch (DataIntegrityViolationException batchRefused) {
            for (int i = 0; i < events.size(); i++) {
                try {
                    log.append(List.of(events.get(i)));
                } catch (DataIntegrityViolationException refused) {
                    deadLettered.increment();
                    throw new BatchListenerFailedException("the audit log refused the event ("
                            + refused.getMostSpecificCause().getClass().getSimpleName() + ")", refused, i);
                }
            }
        }
    }
}
