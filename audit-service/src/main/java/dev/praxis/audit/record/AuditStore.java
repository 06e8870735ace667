package dev.praxis.audit.record;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The audit table through plain SQL: the service only ever inserts and selects. */
@Repository
public class AuditStore {

    private static final String COLUMNS = """
            id, event_id, tenant_id, sequence, previous_hash, hash, event_type, event_version, occurred_at, recorded_at,
            producer, resource_type, resource_id, action, outcome, user_id, ip, request_id, traceparent, metadata""";

    private static final RowMapper<AuditRecord> ROWS = AuditStore::map;

    private final JdbcTemplate jdbc;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises appends to one tenant's chain until the transaction ends. */
    void lockChain(UUID tenantId) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 7061))", Object.class, tenantId.toString());
    }

    /** Which of these event ids are already in the log. */
    Set<UUID> alreadyStored(Collection<UUID> eventIds) {
        return new HashSet<>(jdbc.queryForList("select event_id from audit_record where event_id = any(?)",
                UUID.class, (Object) eventIds.toArray(UUID[]::new)));
    }

    Optional<ChainTip> tip(UUID tenantId) {
        return jdbc.query("select sequence, hash from audit_record where tenant_id = ? order by sequence desc limit 1",
                (rs, row) -> new ChainTip(rs.getLong(1), rs.getString(2)), tenantId).stream().findFirst();
    }

    void insert(List<AuditRecord> records) {
        jdbc.batchUpdate("insert into audit_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                records.stream().map(r -> new Object[]{r.id(), r.eventId(), r.tenantId(), r.sequence(),
                        r.previousHash(), r.hash(), r.eventType(), r.eventVersion(), Timestamp.from(r.occurredAt()),
                        Timestamp.from(r.recordedAt()), r.producer(), r.resourceType(), r.resourceId(), r.action(),
                        r.outcome(), r.userId(), r.ip(), r.requestId(), r.traceparent(), r.metadata()}).toList());
    }

    public Optional<AuditRecord> find(UUID tenantId, UUID id) {
        return jdbc.query("select " + COLUMNS + " from audit_record where tenant_id = ? and id = ?", ROWS, tenantId, id)
                .stream().findFirst();
    }

    public long count(AuditFilter filter) {
        Sql where = filter.where();
        Long count = jdbc.queryForObject("select count(*) from audit_record " + where.sql(), Long.class,
                where.parameters().toArray());
        return count == null ? 0 : count;
    }

    public List<AuditRecord> page(AuditFilter filter, int limit, long offset) {
        Sql where = filter.where();
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        parameters.add(offset);
        return jdbc.query("select " + COLUMNS + " from audit_record " + where.sql()
                + " order by occurred_at desc, sequence desc limit ? offset ?", ROWS, parameters.toArray());
    }

    /** Every record of a tenant's chain in sequence order, streamed (must run inside a transaction). */
    void streamChain(UUID tenantId, Consumer<AuditRecord> visitor) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "select " + COLUMNS + " from audit_record where tenant_id = ? order by sequence");
            statement.setFetchSize(1000);
            statement.setObject(1, tenantId);
            return statement;
        }, rs -> {
            visitor.accept(map(rs, 0));
        });
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getObject("tenant_id", UUID.class), rs.getLong("sequence"), rs.getString("previous_hash"),
                rs.getString("hash"), rs.getString("event_type"), rs.getInt("event_version"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("producer"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getString("action"), rs.getString("outcome"), rs.getObject("user_id", UUID.class),
                rs.getString("ip"), rs.getString("request_id"), rs.getString("traceparent"), rs.getString("metadata"));
    }

    record ChainTip(long sequence, String hash) {
    }

    /** A WHERE clause and its bind parameters. */
    record Sql(String sql, List<Object> parameters) {
    }
}
