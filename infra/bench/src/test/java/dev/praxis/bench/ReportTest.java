package dev.praxis.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static final Instant STARTED = Instant.parse("2026-12-07T12:00:00Z");
    private static final Report.Floors BENCH_STARTED_FLOORS = new Report.Floors("ProxyFloor", "GatewayFloor");

    @Test
    void setsBothProxyFloorsBesideTheGatewayAndTheSqlFloor() {
        String md = Report.markdown(STARTED, 2, BENCH_STARTED_FLOORS, List.of(row(true)));

        assertThat(md).contains("| gateway | direct | gw/direct p95 | floor (proxy) | proxy/direct p95 | floor (SCG) "
                + "| SCG/direct p95 | floor (SQL) |");
        assertThat(md).contains("| calendar 7-day view | 200 req/s | 3.0 / **6.0** / 9.0 | 1.0 / **2.0** / 3.0 | 3.00 | "
                + "1.5 / **3.0** / 4.5 | 1.50 | 2.0 / **4.0** / 6.0 | 2.00 | 0.3 / **0.4** / 0.5 |");
        assertThat(md).contains("| saturation | **500 req/s** (p95 60.0) | **1000 req/s** (p95 40.0) | 0.50 × throughput | "
                + "**800 req/s** (p95 50.0) | 0.80 × throughput | **700 req/s** (p95 55.0) | 0.70 × throughput |");
        assertThat(md).contains("Floors: the proxy floor is a bare Reactor Netty hop in front of the service (ProxyFloor),"
                + " the SCG floor a bare Spring Cloud Gateway with one route to it (GatewayFloor); each measured");
    }

    @Test
    void namesAFloorServerTheBenchDidNotStartAndAFloorItDidNotMeasure() {
        Report.Floors nginxAlone = new Report.Floors("http://localhost:8090", Report.Floors.NOT_MEASURED);

        String md = Report.markdown(STARTED, 2, nginxAlone, List.of(row(true)));

        assertThat(md).contains("Floors: the proxy floor is the server at http://localhost:8090 (BENCH_PROXY, not"
                + " started by the bench), the SCG floor not measured in this run; each measured");
        assertThat(Report.json(nginxAlone.json()))
                .isEqualTo("{\"proxy\":\"http://localhost:8090\",\"scg\":\"not measured\"}");
    }

    @Test
    void leavesOutTheFloorsARunDidNotMeasure() {
        String md = Report.markdown(STARTED, 2, BENCH_STARTED_FLOORS, List.of(row(false)));

        assertThat(md).contains("| 3.00 | - | - | - | - | 0.3 / **0.4** / 0.5 |");
    }

    private static Map<String, Object> row(boolean withFloors) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant", "large (100000 appointments)");
        row.put("scenario", "calendar 7-day view");
        row.put("floor_sql", latency(0.3, 0.4, 0.5, 0));
        row.put("gateway", Map.of("200rps", latency(3.0, 6.0, 9.0, 200), "saturation", latency(0, 60.0, 0, 500)));
        row.put("direct", Map.of("200rps", latency(1.0, 2.0, 3.0, 200), "saturation", latency(0, 40.0, 0, 1000)));
        if (withFloors) {
            row.put("proxy", Map.of("200rps", latency(1.5, 3.0, 4.5, 200), "saturation", latency(0, 50.0, 0, 800)));
            row.put("scg", Map.of("200rps", latency(2.0, 4.0, 6.0, 200), "saturation", latency(0, 55.0, 0, 700)));
        }
        return row;
    }

    private static Map<String, Object> latency(double p50, double p95, double p99, long throughput) {
        return Map.of("p50_ms", p50, "p95_ms", p95, "p99_ms", p99, "errors", 0L, "throughput_rps", throughput);
    }
}
