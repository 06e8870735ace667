package dev.praxis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** latest.md (tables) and latest.json (every figure) from the measured rows. */
final class Report {

    private Report() {
    }

    static void write(Path dir, String label, Instant started, List<Map<String, Object>> rows) throws IOException {
        Files.createDirectories(dir);
        Floors floors = Floors.fromEnvironment();
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> machine = Map.of("cores", cores, "os", System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), "java", System.getProperty("java.version"));
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("started", started.toString());
        all.put("machine", machine);
        all.put("seconds_per_point", Bench.SECONDS);
        all.put("slices_per_point", Bench.SLICES);
        all.put("jit_warmup_seconds", Bench.JIT_WARMUP_SECONDS);
        all.put("saturation_connections", Bench.CONNECTIONS);
        all.put("floors", floors.json());
        all.put("results", rows);
        all.put("targets", Targets.judge(rows).stream().map(Targets.Verdict::json).toList());
        Files.writeString(dir.resolve(label + ".json"), json(all) + "\n");
        Files.writeString(dir.resolve(label + ".md"), markdown(started, cores, floors, rows));
    }

    /**
     * What stood behind the two proxy-floor columns: {@code ProxyFloor} / {@code GatewayFloor} when the bench started
     * them, the URL of a server it was given (BENCH_PROXY, BENCH_SCG), or {@code not measured} (BENCH_TARGETS).
     */
    record Floors(String proxy, String scg) {

        static final String NOT_MEASURED = "not measured";

        static Floors fromEnvironment() {
            return new Floors(floor("proxy", Bench.PROXY_URL, "ProxyFloor"),
                    floor("scg", Bench.SCG_URL, "GatewayFloor"));
        }

        private static String floor(String target, String url, String startedByTheBench) {
            return !Bench.TARGETS.contains(target) ? NOT_MEASURED : url != null ? url : startedByTheBench;
        }

        String describe() {
            return "the proxy floor is " + describe(proxy, "ProxyFloor",
                    "a bare Reactor Netty hop in front of the service (ProxyFloor)", "BENCH_PROXY")
                    + ", the SCG floor " + describe(scg, "GatewayFloor",
                    "a bare Spring Cloud Gateway with one route to it (GatewayFloor)", "BENCH_SCG");
        }

        private static String describe(String floor, String startedByTheBench, String what, String variable) {
            if (floor.equals(NOT_MEASURED)) {
                return "not measured in this run";
            }
            return floor.equals(startedByTheBench) ? what
                    : "the server at " + floor + " (" + variable + ", not started by the bench)";
        }

        Map<String, Object> json() {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("proxy", proxy);
            json.put("scg", scg);
            return json;
        }
    }

    @SuppressWarnings("unchecked")
    static String markdown(Instant started, int cores, Floors floors, List<Map<String, Object>> rows) {
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(started).append(" on ").append(cores).append(" cores (load generator on the same machine), ")
                .append(Bench.SECONDS).append(" s per point and target (").append(Bench.SLICES)
                .append(" slices, the targets alternating) after ").append(Bench.JIT_WARMUP_SECONDS)
                .append(" s of JIT warm-up; latency in ms (p50 / p95 / p99), open model at a fixed arrival "
                        + "rate, measured from the intended send time; saturation: closed model, ")
                .append(Bench.CONNECTIONS).append(" connections. ")
                .append("Floors: ").append(floors.describe()).append("; each measured in the same slices as the"
                        + " gateway (- where this run left one out); the SQL floor is the endpoint's SQL over JDBC,"
                        + " one connection.\n\n");
        md.append("| tenant | scenario | rate | gateway | direct | gw/direct p95 | floor (proxy) | proxy/direct p95"
                + " | floor (SCG) | SCG/direct p95 | floor (SQL) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> row : rows) {
            Map<String, Object> gw = (Map<String, Object>) row.get("gateway");
            Map<String, Object> direct = (Map<String, Object>) row.get("direct");
            Map<String, Object> proxy = (Map<String, Object>) row.get("proxy");
            Map<String, Object> scg = (Map<String, Object>) row.get("scg");
            Map<String, Object> floor = (Map<String, Object>) row.get("floor_sql");
            if (gw == null || direct == null) {
                continue; // a partial run (BENCH_TARGETS): in the JSON only
            }
            for (String key : gw.keySet()) {
                Map<String, Object> g = (Map<String, Object>) gw.get(key);
                Map<String, Object> d = (Map<String, Object>) direct.get(key);
                Map<String, Object> p = proxy == null ? null : (Map<String, Object>) proxy.get(key);
                Map<String, Object> s = scg == null ? null : (Map<String, Object>) scg.get(key);
                boolean saturation = key.equals("saturation");
                md.append("| ").append(row.get("tenant")).append(" | ").append(row.get("scenario")).append(" | ")
                        .append(saturation ? "saturation" : key.replace("rps", " req/s")).append(" | ")
                        .append(cell(g, saturation)).append(" | ").append(cell(d, saturation)).append(" | ")
                        .append(versusDirect(g, d, saturation)).append(" | ")
                        .append(p == null ? "-" : cell(p, saturation)).append(" | ")
                        .append(p == null ? "-" : versusDirect(p, d, saturation)).append(" | ")
                        .append(s == null ? "-" : cell(s, saturation)).append(" | ")
                        .append(s == null ? "-" : versusDirect(s, d, saturation)).append(" | ")
                        .append(latencies(floor)).append(" |\n");
            }
        }
        return md.append(Targets.markdown(rows)).toString();
    }

    /** p95 over the direct p95, or for saturation throughput over the direct throughput. */
    static String versusDirect(Map<String, Object> m, Map<String, Object> direct, boolean saturation) {
        return saturation ? String.format(Locale.ROOT, "%.2f × throughput",
                ((Number) m.get("throughput_rps")).doubleValue()
                        / Math.max(1, ((Number) direct.get("throughput_rps")).doubleValue()))
                : String.format(Locale.ROOT, "%.2f", ((Number) m.get("p95_ms")).doubleValue()
                        / Math.max(0.01, ((Number) direct.get("p95_ms")).doubleValue()));
    }

    static String cell(Map<String, Object> m, boolean saturation) {
        String errors = ((Number) m.get("errors")).longValue() == 0 ? "" : " (" + m.get("errors") + " errors)";
        return saturation ? "**" + m.get("throughput_rps") + " req/s** (p95 " + m.get("p95_ms") + ")" + errors
                : latencies(m) + errors;
    }

    static String latencies(Map<String, Object> m) {
        return m.get("p50_ms") + " / **" + m.get("p95_ms") + "** / " + m.get("p99_ms");
    }

    @SuppressWarnings("unchecked")
    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(json(k.toString())).append(":")
                    .append(json(v)));
            return out.append("}").toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(v -> out.append(out.length() > 1 ? "," : "").append(json(v)));
            return out.append("]").toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
