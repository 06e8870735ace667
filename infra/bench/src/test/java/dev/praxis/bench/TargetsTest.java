package dev.praxis.bench;

import dev.praxis.bench.Bench.Scenario;
import dev.praxis.bench.Targets.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    @Test
    void aRunThatMeetsEveryTargetSaysSo() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            rows.add(row("large", scenario, point(3.0, 1000, 0), point(2.5, 1500, 0), 0.45));
        }

        List<Verdict> verdicts = Targets.judge(rows);

        assertThat(verdicts).hasSize(4 + 2 * Scenario.values().length).allMatch(v -> Boolean.TRUE.equals(v.met()));
        assertThat(Targets.markdown(rows)).contains("## Targets (tenant large): 14 of 14 measured met")
                .contains("| calendar 7-day view: gateway p95 at 200 req/s ≤ 15 ms | 3 ms | met |")
                .contains("| calendar 7-day view: gateway saturation ≥ 1,000 req/s | 1000 req/s | met |")
                .contains("| conflict check: gateway p95 at 200 req/s ≤ 1.5 × direct | 1.20 × (3 / 2.50) | met |")
                .contains("the calendar's SQL floor p95 is 0.45 ms, 1.0 × the reference machine's 0.45 ms");
    }

    @Test
    void eachTargetIsMissedByItsOwnFigure() {
        List<Map<String, Object>> rows = List.of(
                row("large", Scenario.CALENDAR, point(15.01, 999, 0), point(10.0, 2000, 0), 0.9),
                row("large", Scenario.CREATE, point(24.0, 600, 0), point(16.0, 1200, 0), 0.4));

        Map<String, Boolean> met = new LinkedHashMap<>();
        Targets.judge(rows).forEach(v -> met.put(v.target(), v.met()));

        assertThat(met).containsEntry("calendar 7-day view: gateway p95 at 200 req/s ≤ 15 ms", false)
                .containsEntry("calendar 7-day view: gateway saturation ≥ 1,000 req/s", false)
                .containsEntry("calendar 7-day view: gateway saturation ≥ 0.5 × direct", false)
                .containsEntry("calendar 7-day view: gateway p95 at 200 req/s ≤ 1.5 × direct", false)
                .containsEntry("appointment create: gateway p95 at 200 req/s ≤ 25 ms", true)
                .containsEntry("appointment create: gateway saturation ≥ 0.5 × direct", true)
                .containsEntry("appointment create: gateway p95 at 200 req/s ≤ 1.5 × direct", true);
        assertThat(Targets.markdown(rows)).contains("3 of 7 measured met")
                .contains("| calendar 7-day view: gateway p95 at 200 req/s ≤ 15 ms | 15.01 ms | **missed** |")
                .contains("2.0 × the reference machine's");
    }

    @Test
    void aPointWithErrorsMissesItsTargetWhateverItsFigures() {
        List<Map<String, Object>> rows = List.of(
                row("large", Scenario.CONFLICT_CHECK, point(2.0, 1500, 3), point(2.0, 1500, 0), 0.3));

        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Targets.judge(rows).forEach(v -> verdicts.put(v.target(), v));

        Verdict p95 = verdicts.get("conflict check: gateway p95 at 200 req/s ≤ 15 ms");
        assertThat(p95.met()).isFalse();
        assertThat(p95.measured()).isEqualTo("2 ms, 3 errors");
        assertThat(verdicts.get("conflict check: gateway p95 at 200 req/s ≤ 1.5 × direct").met()).isFalse();
    }

    @Test
    void whatTheRunDidNotMeasureIsNeitherMetNorMissed() {
        List<Map<String, Object>> rows = List.of(
                row("small", Scenario.CALENDAR, point(1.0, 5000, 0), point(1.0, 5000, 0), 0.3));

        assertThat(Targets.judge(rows)).allMatch(v -> v.met() == null && v.measured().equals("-"));
        assertThat(Targets.markdown(rows)).contains("0 of 0 measured met")
                .contains("Machine: no calendar SQL floor in this run");
    }

    @Test
    void theJsonReportCarriesTheVerdicts() {
        List<Map<String, Object>> rows = List.of(
                row("large", Scenario.CALENDAR, point(3.0, 1000, 0), point(1.0, 1500, 0), 0.45));

        String json = Report.json(Map.of("targets", Targets.judge(rows).stream().map(Verdict::json).toList()));

        assertThat(json).contains("{\"target\":\"calendar 7-day view: gateway p95 at 200 req/s ≤ 1.5 × direct\","
                + "\"measured\":\"3.00 × (3 / 1)\",\"verdict\":\"missed\"}")
                .contains("{\"target\":\"appointment create: gateway p95 at 200 req/s ≤ 25 ms\",\"measured\":\"-\","
                        + "\"verdict\":\"not measured\"}");
        assertThat(Report.markdown(Instant.EPOCH, 2, new Report.Floors("ProxyFloor", "GatewayFloor"), rows)).contains("## Targets (tenant large)");
    }

    private static Map<String, Object> row(String tenant, Scenario scenario, Map<String, Object> gateway,
                                           Map<String, Object> direct, double sqlP95) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant", tenant + " (n appointments)");
        row.put("scenario", scenario.title);
        row.put("tenant_name", tenant);
        row.put("scenario_id", scenario.name());
        row.put("floor_sql", Map.of("p50_ms", sqlP95 / 2, "p95_ms", sqlP95, "p99_ms", sqlP95 * 2, "errors", 0L,
                "throughput_rps", 1000L));
        row.put("gateway", gateway);
        row.put("direct", direct);
        return row;
    }

    /** The 200 req/s point with this p95, and a saturation point with this throughput; both with these errors. */
    private static Map<String, Object> point(double p95, long saturationRps, long errors) {
        return Map.of(
                "200rps", Map.of("p50_ms", p95 / 2, "p95_ms", p95, "p99_ms", p95 * 2, "errors", errors,
                        "throughput_rps", 200L),
                "saturation", Map.of("p50_ms", 10.0, "p95_ms", 60.0, "p99_ms", 90.0, "errors", errors,
                        "throughput_rps", saturationRps));
    }
}
