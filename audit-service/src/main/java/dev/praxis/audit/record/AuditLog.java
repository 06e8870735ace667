package dev.praxis.audit.record;

import dev.praxis.contracts.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Appends events to their tenant's hash chain, once each, and verifies a chain end to end. */
@Service
public class AuditLog {

    /** The chain of events that belong to no tenant (e.g. a failed login for an unknown account). */
    public static final UUID SYSTEM_TENANT = new UUID(0, 0);

    private final AuditStore store;
    private final Clock clock;
    private final Counter stored;
    private final Counter duplicates;

    AuditLog(AuditStore store, MeterRegistry meters) {
        this.store = store;
        this.clock = Clock.systemUTC();
        this.stored = meters.counter("praxis.audit.records.stored");
        this.duplicates = meters.counter("praxis.audit.duplicates.skipped");
    }

    /**
     * Appends a batch in one transaction: per tenant (in a fixed order, so concurrent consumers cannot deadlock) the
     * chain is locked, events already stored (redeliveries) are skipped, and the rest are chained in arrival order.
     *
     * @return how many events were new
     */
    @Transactional
    public int append(List<EventEnvelope> events) {
        Map<UUID, List<EventEnvelope>> byTenant = new TreeMap<>();
        for (EventEnvelope event : events) {
            byTenant.computeIfAbsent(event.tenantId() != null ? event.tenantId() : SYSTEM_TENANT,
                    tenant -> new ArrayList<>()).add(event);
        }
        int appended = 0;
        for (Map.Entry<UUID, List<EventEnvelope>> chain : byTenant.entrySet()) {
            appended += appendToChain(chain.getKey(), chain.getValue());
        }
        stored.increment(appended);
        duplicates.increment(events.size() - appended);
        return appended;
    }

    private int appendToChain(UUID tenantId, List<EventEnvelope> events) {
        store.lockChain(tenantId);
        Set<UUID> seen = store.alreadyStored(events.stream().map(EventEnvelope::eventId).toList());
        AuditStore.ChainTip tip = store.tip(tenantId).orElse(new AuditStore.ChainTip(0, ChainHash.GENESIS));
        long sequence = tip.sequence();
        String previousHash = tip.hash();
        List<AuditRecord> records = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (!seen.add(event.eventId())) {
                continue;
            }
            AuditRecord record = new AuditRecord(UUID.randomUUID(), event.eventId(), tenantId, ++sequence,
                    previousHash, null, event.eventType(), event.eventVersion(),
                    ChainHash.storedPrecision(event.occurredAt()), ChainHash.storedPrecision(clock.instant()),
                    event.producer(), event.resourceType(), event.resourceId(), event.action().name(),
                    event.outcome().name(), event.actor().userId(), event.actor().ip(), event.requestId(),
                    event.traceparent(), ChainHash.canonicalMetadata(event.metadata())).withHashOfItself();
            records.add(record);
            previousHash = record.hash();
        }
        store.insert(records);
        return records.size();
    }

    /** Recomputes the tenant's chain from its first record and reports the first place it breaks. */
    @Transactional(readOnly = true)
    public Verification verify(UUID tenantId) {
        var expectedSequence = new long[]{1};
        var previousHash = new AtomicReference<>(ChainHash.GENESIS);
        var firstBreak = new AtomicReference<Verification>();
        store.streamChain(tenantId, record -> {
            if (firstBreak.get() != null) {
                return;
            }
            if (record.sequence() != expectedSequence[0]) {
                firstBreak.set(Verification.broken(tenantId, expectedSequence[0] - 1, expectedSequence[0],
                        "record missing"));
            } else if (!record.previousHash().equals(previousHash.get())) {
                firstBreak.set(Verification.broken(tenantId, expectedSequence[0] - 1, record.sequence(),
                        "previous hash does not match"));
            } else if (!ChainHash.of(record).equals(record.hash())) {
                firstBreak.set(Verification.broken(tenantId, expectedSequence[0] - 1, record.sequence(),
                        "record altered"));
            }
            previousHash.set(record.hash());
            expectedSequence[0]++;
        });
        return firstBreak.get() != null ? firstBreak.get()
                : Verification.intact(tenantId, expectedSequence[0] - 1);
    }

    /** The outcome of {@link #verify}. */
    public record Verification(UUID tenantId, boolean intact, long recordsVerified, Long firstBrokenSequence,
                               String reason) {

        static Verification intact(UUID tenantId, long records) {
            return new Verification(tenantId, true, records, null, null);
        }

        static Verification broken(UUID tenantId, long verified, long sequence, String reason) {
            return new Verification(tenantId, false, verified, sequence, reason);
        }
    }
}
