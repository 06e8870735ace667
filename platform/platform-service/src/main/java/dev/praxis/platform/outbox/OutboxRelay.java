package dev.praxis.platform.outbox;

import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.platform.outbox.OutboxStore.PendingEvent;
import dev.praxis.platform.outbox.OutboxStore.PendingStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published. One batch is one database
 * transaction holding the relay lock, so events of one key leave in commit order even with several replicas.
 * <p>
 * While Kafka is down, publishing fails fast (bounded {@code max.block.ms}), the rows stay pending and the relay backs
 * off; nothing is lost and no request thread ever waits on Kafka. Delivery is at least once: a consumer deduplicates on
 * {@code event_id}.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);

    private final OutboxStore store;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final Semaphore nudges = new Semaphore(0);
    private final AtomicReference<PendingStats> stats = new AtomicReference<>(new PendingStats(0, Duration.ZERO));
    private Counter published;
    private Counter failures;
    private volatile boolean running;
    private Thread worker;
    private Instant nextStats = Instant.MIN;
    private Instant nextCleanup = Instant.MIN;

    OutboxRelay(OutboxStore store, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                OutboxProperties properties, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.kafka = kafka;
        this.transactions = transactions;
        this.properties = properties;
        this.tracer = tracer;
        this.propagator = propagator;
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("praxis.outbox.pending", stats, s -> s.get().count())
                    .description("Outbox events committed but not yet published").register(registry);
            TimeGauge.builder("praxis.outbox.oldest.pending.age", stats, TimeUnit.SECONDS,
                            s -> s.get().oldestAge().toMillis() / 1000.0)
                    .description("Age of the oldest unpublished outbox event").register(registry);
            published = registry.counter("praxis.outbox.published");
            failures = registry.counter("praxis.outbox.publish.failures");
        }
    }

    /** Asks the relay to look now instead of at its next poll (called after a commit that recorded events). */
    void wakeUp() {
        nudges.release();
    }

    PendingStats stats() {
        return stats.get();
    }

    @Override
    public void start() {
        if (running || !properties.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            nudges.release();
            try {
                current.join(properties.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka producer and the data source are closed, start after them.
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        Duration backoff = properties.minBackoff();
        while (running) {
            Result result;
            try {
                result = publishBatch();
            } catch (RuntimeException e) {
                log.warn("outbox relay cycle failed: {}", e.toString());
                result = Result.FAILED;
            }
            housekeeping();
            if (result == Result.FULL_BATCH) {
                continue;
            }
            Duration wait;
            if (result == Result.FAILED) {
                wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0
                        ? properties.maxBackoff() : backoff.multipliedBy(2);
            } else {
                wait = properties.pollInterval();
                backoff = properties.minBackoff();
            }
            try {
                if (nudges.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) && result != Result.FAILED) {
                    Thread.sleep(properties.linger().toMillis());
                    nudges.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Result publishBatch() {
        return transactions.execute(status -> {
            if (!store.tryRelayLock()) {
                return Result.IDLE;
            }
            List<PendingEvent> batch = store.lockPending(properties.batchSize());
            if (batch.isEmpty()) {
                return Result.IDLE;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
            RuntimeException sendFailure = null;
            for (PendingEvent event : batch) {
                try {
                    sends.add(send(event));
                } catch (RuntimeException e) {
                    sendFailure = e;
                    break;
                }
            }
            List<Long> delivered = new ArrayList<>();
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    delivered.add(batch.get(i).id());
                } catch (ExecutionException | TimeoutException e) {
                    sendFailure = new IllegalStateException(rootMessage(e), e);
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sendFailure = new IllegalStateException("interrupted");
                    break;
                }
            }
            store.markPublished(delivered);
            if (published != null) {
                published.increment(delivered.size());
            }
            if (sendFailure != null) {
                PendingEvent stuck = batch.get(delivered.size());
                store.markFailed(stuck.id(), sendFailure.getMessage() == null ? sendFailure.toString()
                        : sendFailure.getMessage());
                if (failures != null) {
                    failures.increment();
                }
                log.warn("outbox publish failed at event {} ({}), {} of {} published; will retry",
                        stuck.eventId(), stuck.eventType(), delivered.size(), batch.size());
                return Result.FAILED;
            }
            return batch.size() == properties.batchSize() ? Result.FULL_BATCH : Result.PUBLISHED;
        });
    }

    private CompletableFuture<?> send(PendingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers().add("event_id", event.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event_type", event.eventType().getBytes(StandardCharsets.UTF_8));
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        if (event.traceparent() == null || currentTracer == null || currentPropagator == null) {
            return kafka.send(record);
        }
        // Continue the trace of the request that made the change: the producer span becomes its child.
        Span span = currentPropagator.extract(Map.of(PraxisHeaders.TRACEPARENT, event.traceparent()),
                        (carrier, key) -> carrier.get(key))
                .name("outbox relay").start();
        try (Tracer.SpanInScope ignored = currentTracer.withSpan(span)) {
            return kafka.send(record).whenComplete((result, error) -> span.end());
        } catch (RuntimeException e) {
            span.error(e).end();
            throw e;
        }
    }

    private void housekeeping() {
        Instant now = Instant.now();
        try {
            if (now.isAfter(nextStats)) {
                stats.set(store.pendingStats());
                nextStats = now.plus(STATS_INTERVAL);
            }
            if (now.isAfter(nextCleanup)) {
                int deleted = store.deletePublishedBefore(now.minus(properties.retention()));
                if (deleted > 0) {
                    log.info("deleted {} published outbox events older than {}", deleted, properties.retention());
                }
                nextCleanup = now.plus(CLEANUP_INTERVAL);
            }
        } catch (RuntimeException e) {
            log.warn("outbox housekeeping failed: {}", e.toString());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    enum Result { IDLE, PUBLISHED, FULL_BATCH, FAILED }
}
