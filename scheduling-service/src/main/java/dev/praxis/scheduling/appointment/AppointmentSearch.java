package dev.praxis.scheduling.appointment;

import dev.praxis.platform.web.PageQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of a tenant's appointments, in start order, with one query for the page and one for the total.
 * <p>
 * The SQL is assembled from fixed fragments (values are always bound) so that each combination of filters gets the
 * index made for it: a calendar window uses the GiST index on {@code (tenant_id, tstzrange(start, end))}, other lists
 * the b-tree indexes in start order. It is native SQL because JPQL has no range overlap; rows still map to the
 * entity, so encrypted columns are decrypted by the same converter as everywhere else.
 */
@Repository
class AppointmentSearch {

    private final EntityManager entityManager;

    AppointmentSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    record Page(List<Appointment> items, long total) {
    }

    Page find(UUID tenantId, AppointmentFilter filter, PageQuery page) {
        Sql sql = Sql.of(tenantId, filter);
        @SuppressWarnings("unchecked")
        List<Appointment> items = bind(entityManager.createNativeQuery(sql.page(), Appointment.class),
                sql.pageParameters(page)).getResultList();
        long total = ((Number) bind(entityManager.createNativeQuery(sql.count()), sql.parameters())
                .getSingleResult()).longValue();
        return new Page(items, total);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
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
            return "select a.* from appointment a where " + where
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
