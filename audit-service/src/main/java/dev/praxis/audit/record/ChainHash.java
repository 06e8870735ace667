package dev.praxis.audit.record;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The tamper-evidence of the log: {@code hash = SHA-256(previous_hash || canonical record)}, where the canonical record
 * is a JSON object with a fixed field order, timestamps at the database's microsecond precision, and the metadata as its
 * stored canonical JSON (keys sorted). Changing any stored field, or removing a record, breaks the chain from there on.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ChainHash() {
    }

    public static String of(AuditRecord record) {
        return sha256(record.previousHash() + canonical(record));
    }

    /** The canonical JSON of event metadata: sorted keys, no whitespace. */
    public static String canonicalMetadata(Map<String, Object> metadata) {
        return CANONICAL.writeValueAsString(metadata == null ? Map.of() : metadata);
    }

    /** Timestamps as PostgreSQL keeps them, so a record hashes the same before and after a round trip. */
    public static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String canonical(AuditRecord record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = CANONICAL.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("event_id", text(record.eventId()));
            json.writeStringProperty("tenant_id", text(record.tenantId()));
            json.writeNumberProperty("sequence", record.sequence());
            json.writeStringProperty("event_type", record.eventType());
            json.writeNumberProperty("event_version", record.eventVersion());
            json.writeStringProperty("occurred_at", text(record.occurredAt()));
            json.writeStringProperty("recorded_at", text(record.recordedAt()));
            json.writeStringProperty("producer", record.producer());
            json.writeStringProperty("resource_type", record.resourceType());
            json.writeStringProperty("resource_id", record.resourceId());
            json.writeStringProperty("action", record.action());
            json.writeStringProperty("outcome", record.outcome());
            json.writeStringProperty("user_id", text(record.userId()));
            json.writeStringProperty("ip", record.ip());
            json.writeStringProperty("request_id", record.requestId());
            json.writeStringProperty("traceparent", record.traceparent());
            json.writeName("metadata");
            json.writeRawValue(record.metadata());
            json.writeEndObject();
        }
        return out.toString();
    }

    private static String text(UUID value) {
        return value == null ? null : value.toString();
    }

    private static String text(Instant value) {
        return value == null ? null : storedPrecision(value).toString();
    }

    private static String sha256(String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
