package dev.praxis.scheduling.appointment;

import dev.praxis.platform.crypto.EncryptedStringConverter;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.scheduling.location.LocationType;
import dev.praxis.scheduling.web.ApiEnum;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of a tenant's appointments, in start order: one query for the page and, when the page cannot tell it (see
 * {@link PageResponse#of(List, java.util.function.LongSupplier, PageQuery)}), one for the total.
 * <p>
 * The SQL is assembled from fixed fragments (values are always bound) so that each combination of filters gets the
 * index made for it: a calendar window uses the GiST index on {@code (tenant_id, tstzrange(start, end))}, other lists
 * the b-tree indexes in start order. It is SQL because JPQL has no range overlap.
 * <p>
 * A read model: rows map straight to {@link AppointmentResponse} over JDBC (in the caller's transaction), with the
 * encrypted columns decrypted by the same converter the entity uses. Mapping them to managed entities first cost
 * about a fifth of a calendar request's CPU under the benchmark (infra/bench), for objects nobody changes.
 */
@Repository
class AppointmentSearch {

    static final String COLUMNS = "a.id, a.tenant_id, a.client_id, a.service_id, a.location_id, a.scheduled_start,"
            + " a.scheduled_end, a.location_type, a.location_details, a.status, a.notes, a.created_at, a.updated_at";

    private final JdbcClient jdbc;
    private final RowMapper<AppointmentResponse> rows;

    AppointmentSearch(JdbcClient jdbc, EncryptedStringConverter encrypted) {
        this.jdbc = jdbc;
        // By position, in the order of COLUMNS.
        this.rows = (row, number) -> new AppointmentResponse(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getObject(3, UUID.class), row.getObject(4, UUID.class), row.getObject(5, UUID.class),
                instant(row, 6), instant(row, 7), ApiEnum.parse(LocationType.class, row.getString(8)),
                encrypted.convertToEntityAttribute(row.getString(9)),
                ApiEnum.parse(AppointmentStatus.class, row.getString(10)),
                encrypted.convertToEntityAttribute(row.getString(11)), instant(row, 12), instant(row, 13));
    }

    PageResponse<AppointmentResponse> find(UUID tenantId, AppointmentFilter filter, PageQuery page) {
        Sql sql = Sql.of(tenantId, filter);
        List<AppointmentResponse> items = jdbc.sql(sql.page()).params(sql.pageParameters(page)).query(rows).list();
        return PageResponse.of(items, () -> jdbc.sql(sql.count()).params(sql.parameters()).query(Long.class).single(),
                page);
    }

    /**
     * A {@code timestamptz} is an instant, so the JVM's time zone plays no part. Via {@code Timestamp}: the driver's
     * {@code OffsetDateTime} path cost several times more (JFR under infra/bench).
     */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    /** The statements for one filter: {@code where} from fixed fragments, parameters bound by name. */
    record Sql(String where, Map<String, Object> parameters) {

        static final String OVERLAPS = "tstzrange(a.scheduled_start, a.scheduled_end, '[)') && ";

        static Sql of(UUID tenantId, AppointmentFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            conditions.add("a.tenant_id = :tenantId");
            parameters.put("tenantId", tenantId);
            if (filter.from() != null && filter.to() != null) {
                conditions.add(OVERLAPS + "tstzrange(:from, :to, '[)')");
            } else if (filter.from() != null) {
                conditions.add(OVERLAPS + "tstzrange(:from, null, '[)')");
            } else if (filter.to() != null) {
                conditions.add(OVERLAPS + "tstzrange(null, :to, '[)')");
            }
            if (filter.from() != null) {
                parameters.put("from", filter.from().atOffset(ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                parameters.put("to", filter.to().atOffset(ZoneOffset.UTC));
            }
            if (filter.clientId() != null) {
                conditions.add("a.client_id = :clientId");
                parameters.put("clientId", filter.clientId());
            }
            if (filter.status() != null) {
                conditions.add("a.status = :status");
                parameters.put("status", filter.status().value());
            }
            return new Sql(String.join(" and ", conditions), Map.copyOf(parameters));
        }

        String page() {
            return "select " + COLUMNS + " from appointment a where " + where
                    + " order by a.scheduled_start, a.id limit :limit offset :offset";
        }

        Map<String, Object> pageParameters(PageQuery page) {
            Map<String, Object> all = new LinkedHashMap<>(parameters);
            all.put("limit", page.pageSize());
            all.put("offset", page.offset());
            return all;
        }

        String count() {
            return "select count(*) from appointment a where " + where;
        }
    }
}
