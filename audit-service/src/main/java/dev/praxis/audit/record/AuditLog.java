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

    /**
     * Recomputes the tenant's chain from its first record and reports the first place it breaks. The chain shows any
     * change to a record, and any record taken out of it, but not records cut off its end, nor a chain rewritten
     * from the first record with every hash recomputed (the hashes are not keyed): an {@code anchor}, a sequence and
     * its hash that a previous verification reported and the auditor kept outside Praxis, catches both.
     *
     * @param anchor {@code null} for none
     */
    @Transactional(readOnly = true)
    public Verification verify(UUID tenantId, Anchor anchor) {
        ChainHead head = new ChainHead();
        store.streamChain(tenantId, record -> {
            if (head.firstBreak != null) {
                return;
            }
            String reason = record.sequence() != head.sequence + 1 ? "record missing"
                    : !record.previousHash().equals(head.hash) ? "previous hash does not match"
                    : !ChainHash.of(record).equals(record.hash()) ? "record altered"
                    : anchor != null && anchor.sequence() == record.sequence() && !anchor.hash().equals(record.hash())
                    ? "record differs from the anchor" : null;
            if (reason != null) {
                head.firstBreak = Verification.broken(tenantId, head.sequence, head.sequence + 1, reason);
                return;
            }
            head.sequence = record.sequence();
            head.hash = record.hash();
        });
        if (head.firstBreak != null) {
            return head.firstBreak;
        }
        if (anchor != null && anchor.sequence() > head.sequence) {
            return Verification.broken(tenantId, head.sequence, head.sequence + 1,
                    "record missing: the chain ends before the anchor");
        }
        return Verification.intact(tenantId, head.sequence, head.hash);
    }

    /** How far a verification has got: the last record that verified, or the first break. */
    private static final class ChainHead {
        long sequence;
        String hash = ChainHash.GENESIS;
        Verification firstBreak;
    }

    /**
     * A record's sequence and hash, as an intact verification reported them, to check the chain against later; 0 and
     * the genesis hash are the start of every chain, an anchor that always holds.
     */
    public record Anchor(long sequence, String hash) {
    }

    /**
     * The outcome of {@link #verify}. {@code headSequence} and {@code headHash}, of an intact chain only: its last
     * record (0 and the genesis hash for an empty chain), the anchor to keep for the next verification. A broken chain
     * has no head to keep: its anchor stays the last one that held.
     */
    public record Verification(UUID tenantId, boolean intact, long recordsVerified, Long firstBrokenSequence,
                               String reason, Long headSequence, String headHash) {

        static Verification intact(UUID tenantId, long records, String headHash) {
            return new Verification(tenantId, true, records, null, null, records, headHash);
        }

        static Verification broken(UUID tenantId, long verified, long sequence, String reason) {
            return new Verification(tenantId, false, verified, sequence, reason, null, null);
        }
    }
}
