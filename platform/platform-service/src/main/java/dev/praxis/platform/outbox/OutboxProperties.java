package dev.praxis.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param topic         where this service publishes; defaults to {@code praxis.<service>.events}
 * @param pollInterval  how often the relay looks for pending events when nobody nudged it
 * @param linger        how long the relay waits after a nudge, so that events committed meanwhile leave in the same
 *                      batch (one relay transaction, one produce request) instead of one cycle each
 * @param batchSize     events published per transaction
 * @param minBackoff    first wait after a failed publish (doubles up to {@code maxBackoff})
 * @param retention     how long published rows are kept before the relay deletes them
 */
@ConfigurationProperties("praxis.outbox")
public record OutboxProperties(
        String topic,
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("20ms") Duration linger,
        @DefaultValue("200") int batchSize,
        @DefaultValue("500ms") Duration minBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("20s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}
