package dev.praxis.scheduling.appointment;

import dev.praxis.contracts.security.Role;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.scheduling.Scheduling;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar query the API runs, on a tenant with 100,000 appointments: PostgreSQL finds the 7-day window through an
 * index whose condition is the tenant and the window itself, never by scanning the table or the tenant's rows
 * (DESIGN.md section 5).
 */
@PraxisServiceTest
class CalendarQueryPlanTest {

    static final int APPOINTMENTS = 100_000;
    static final Instant FIRST = Instant.parse("2020-01-01T08:00:00Z");

    static UUID tenantId;

    @LocalServerPort
    int port;
    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    /** One appointment per hour for ~11 years: a mix of statuses, no overlaps, seeded by one statement. */
    @BeforeAll
    static void seed(@Autowired JdbcTemplate jdbc, @LocalServerPort int port) {
        TestUser owner = TestUser.inNewTenant(Role.ADMIN);
        tenantId = owner.tenantId();
        String clientId = Scheduling.as(port, owner).client("Busy", "Practice");
        jdbc.update("""
                insert into appointment (id, tenant_id, client_id, scheduled_start, scheduled_end, location_type, status,
                                         created_at, updated_at, version)
                select gen_random_uuid(), ?, ?::uuid,
                       ?::timestamptz + make_interval(hours => i),
                       ?::timestamptz + make_interval(hours => i, mins => 50),
                       'clinic',
                       (array['scheduled', 'completed', 'cancelled', 'no_show'])[1 + i % 4],
                       now(), now(), 0
                from generate_series(0, ? - 1) as i""",
                tenantId, clientId, FIRST.toString(), FIRST.toString(), APPOINTMENTS);
        jdbc.execute("analyze appointment");
    }

    @Test
    void sevenDayCalendarIsServedByAnIndex() {
        Instant from = FIRST.plusSeconds(3600L * 24 * 365 * 5);
        AppointmentSearch.Sql sql = AppointmentSearch.Sql.of(tenantId,
                new AppointmentFilter(from, from.plusSeconds(3600L * 24 * 7), null, null));

        JsonNode pagePlan = plan(sql.page(), sql.pageParameters(new PageQuery(1, PageQuery.DEFAULT_PAGE_SIZE)));
        JsonNode countPlan = plan(sql.count(), sql.parameters());

        for (JsonNode plan : List.of(pagePlan, countPlan)) {
            List<JsonNode> nodes = nodesOf(plan.get("Plan"), new ArrayList<>());
            assertThat(nodes).as(plan.toString())
                    .noneMatch(node -> node.get("Node Type").asString().equals("Seq Scan"))
                    .anyMatch(node -> node.get("Index Name") != null && node.get("Index Cond") != null
                            && node.get("Index Cond").asString().contains("tenant_id")
                            && node.get("Index Cond").asString().contains("&&"));
        }
        assertThat(pagePlan.get("Plan").get("Plan Rows").asLong()).isLessThan(1_000);
    }

    @Test
    void theCalendarEndpointReturnsTheWindowOfTheBusyTenant() {
        TestUser viewer = TestUser.in(tenantId, Role.VIEWER);
        Instant from = FIRST.plusSeconds(3600L * 24 * 365 * 5);

        JsonNode page = Scheduling.as(port, viewer).http().get("/api/v1/appointments?page_size=100&start_date=" + from
                + "&end_date=" + from.plusSeconds(3600L * 24 * 7)).json();

        assertThat(page.get("total").asInt()).isEqualTo(24 * 7);
        assertThat(page.get("total_pages").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("scheduled_start").asString()).isEqualTo(from.toString());
    }

    private JsonNode plan(String sql, Map<String, Object> parameters) {
        String json = namedJdbc.queryForObject("explain (format json) " + sql, parameters, String.class);
        return JsonMapper.builder().build().readTree(json).get(0);
    }

    /** Every node of a plan tree. */
    private static List<JsonNode> nodesOf(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        if (node.get("Plans") != null) {
            node.get("Plans").forEach(child -> nodesOf(child, nodes));
        }
        return nodes;
    }
}
