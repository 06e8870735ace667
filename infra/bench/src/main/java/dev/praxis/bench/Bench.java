package dev.praxis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule-endpoint benchmark (see infra/bench/README.md). Expects ./praxis-local running. Seeds two fresh tenants,
 * then for each scenario measures: open-model constant arrival rates (latency from the intended send time, so a stall
 * is not hidden), closed-model saturation at a fixed number of connections, through the gateway, directly against
 * scheduling-service and through two proxy floors ({@link ProxyFloor}, a bare Reactor Netty hop, and
 * {@link GatewayFloor}, a bare Spring Cloud Gateway); and the SQL floor, the same SQL timed over JDBC.
 */
public final class Bench {

    static final String GATEWAY = env("BENCH_GATEWAY", "http://localhost:8000");
    static final String SCHEDULING = env("BENCH_SCHEDULING", "http://localhost:9002");
    static final String AUTH = env("BENCH_AUTH", "http://localhost:9001");
    static final String JDBC = env("BENCH_JDBC", "jdbc:postgresql://127.0.0.1:5432/praxis_scheduling");
    static final int SECONDS = Integer.parseInt(env("BENCH_SECONDS", "5"));
    static final int WARMUP_SECONDS = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "3"));
    static final int SLICES = Math.max(1, Integer.parseInt(env("BENCH_SLICES", "5")));
    static final int JIT_WARMUP_SECONDS = Integer.parseInt(env("BENCH_JIT_WARMUP_SECONDS", "450"));
    static final int CONNECTIONS = Integer.parseInt(env("BENCH_CONNECTIONS", "32"));
    static final int USERS = Integer.parseInt(env("BENCH_USERS", "128"));
    static final int[] RATES = java.util.Arrays.stream(env("BENCH_RATES", "50,200,500").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    static final List<String> SCENARIOS = List.of(env("BENCH_SCENARIOS",
            "CALENDAR,CLIENT_TIMELINE,CONFLICT_CHECK,CREATE,CLIENT_LIST").split(","));
    static final List<String> TARGETS = List.of(env("BENCH_TARGETS", "gateway,direct,proxy,scg").split(","));
    /** The proxy floor ({@link ProxyFloor}); when unset, the bench starts one in its own JVM in front of SCHEDULING. */
    static final String PROXY_URL = System.getenv("BENCH_PROXY");
    /** The Spring Cloud Gateway floor ({@link GatewayFloor}); when unset, started like the proxy floor. */
    static final String SCG_URL = System.getenv("BENCH_SCG");
    /** Its share of the JIT warm-up (5 s per scenario and round): a bare hop is compiled long before the gateway is. */
    static final int PROXY_WARMUP_ROUNDS = 2;
    static String proxy;
    static String scg;
    static final boolean SMALL_TENANT = Boolean.parseBoolean(env("BENCH_SMALL_TENANT", "true"));
    static final Path OUT = Path.of(env("BENCH_OUT", "infra/bench/results"));
    static final Instant BASE = Instant.parse("2027-01-04T00:00:00Z");
    static final Duration SPACING = Duration.ofHours(2);

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error failure) {
            // The HTTP client's threads would keep the JVM (and the floors, stopped by a shutdown hook) alive.
            failure.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        Instant started = Instant.now();
        String label = args.length > 0 ? args[0] : "latest";
        log("cores: " + Runtime.getRuntime().availableProcessors() + ", " + SECONDS + " s per point in " + SLICES
                + " slices, rates "
                + java.util.Arrays.toString(RATES) + ", saturation at " + CONNECTIONS + " connections");
        if (TARGETS.contains("proxy")) {
            proxy = PROXY_URL != null ? PROXY_URL : startFloor(ProxyFloor.class, "proxy floor");
        }
        if (TARGETS.contains("scg")) {
            scg = SCG_URL != null ? SCG_URL : startFloor(GatewayFloor.class, "Spring Cloud Gateway floor");
        }
        Tenant large = Tenant.create("large", 100, 100_000);
        Tenant small = SMALL_TENANT ? Tenant.create("small", 100, 1_000) : null;
        warmUp(large);

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Tenant tenant : small == null ? List.of(large) : List.of(large, small)) {
            for (Scenario scenario : Scenario.values()) {
                if (!SCENARIOS.contains(scenario.name())) {
                    continue;
                }
                boolean full = tenant == large;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tenant", tenant.name + " (" + tenant.appointments + " appointments)");
                row.put("scenario", scenario.title);
                row.put("tenant_name", tenant.name);
                row.put("scenario_id", scenario.name());
                row.put("floor_sql", floor(tenant, scenario));
                for (String target : TARGETS) {
                    closed(tenant, scenario, baseOf(target), Math.min(8, CONNECTIONS), WARMUP_SECONDS);
                }
                Map<String, Map<String, Object>> measured = new LinkedHashMap<>();
                TARGETS.forEach(target -> measured.put(target, new LinkedHashMap<>()));
                for (int rate : full ? RATES : new int[] {200}) {
                    Map<String, Stats> byTarget = interleaved(target -> open(tenant, scenario, baseOf(target), rate,
                            SECONDS / (double) SLICES));
                    byTarget.forEach((target, stats) -> {
                        measured.get(target).put(rate + "rps", summary(stats));
                        log(String.format(Locale.ROOT, "%-6s %-8s %-18s %4d/s p50 %6.2f p95 %6.2f p99 %6.2f ms,"
                                        + " %d errors (successful requests: p95 %.2f ms)",
                                tenant.name, target, scenario.name(), rate, stats.percentileMillis(50),
                                stats.percentileMillis(95), stats.percentileMillis(99), stats.errors,
                                stats.okPercentileMillis(95)));
                    });
                }
                if (full) {
                    Map<String, Stats> byTarget = interleaved(target -> closed(tenant, scenario, baseOf(target),
                            CONNECTIONS, SECONDS / (double) SLICES));
                    byTarget.forEach((target, saturation) -> {
                        measured.get(target).put("saturation", summary(saturation));
                        log(String.format(Locale.ROOT, "%-6s %-8s %-18s saturation %.0f req/s, p95 %.2f ms, %d errors",
                                tenant.name, target, scenario.name(), saturation.rps(),
                                saturation.percentileMillis(95), saturation.errors));
                    });
                }
                row.putAll(measured);
                rows.add(row);
            }
        }
        Report.write(OUT, label, started, rows);
        log("wrote " + OUT.resolve(label + ".md") + " and " + OUT.resolve(label + ".json"));
        Targets.judge(rows).stream().filter(verdict -> verdict.met() != null).forEach(verdict -> log(
                (verdict.met() ? "met     " : "MISSED  ") + verdict.target() + ": " + verdict.measured()));
        log(Targets.machine(rows));
    }

    /**
     * Steady state before any figure: on 2 cores a freshly started gateway needs about 90 s of full load before the
     * JIT has compiled its hot paths (its CPU per request falls from ~1.9 to ~0.85 ms), and a figure taken before
     * that measures the compiler, not the code. Every scenario through every target, in 5-second slices; 450 s by
     * default, since the targets take turns (the gateway, the service and the Spring Cloud Gateway floor a third each
     * once the proxy floor has had its rounds: ~130 s each, as the gateway had with 300 s before the SCG floor) and a
     * slower machine compiles more slowly (docs/performance.md, rounds 9 and 13).
     */
    static void warmUp(Tenant tenant) throws InterruptedException {
        long end = System.nanoTime() + JIT_WARMUP_SECONDS * 1_000_000_000L;
        long requests = 0;
        for (int round = 0; System.nanoTime() < end; round++) {
            for (Scenario scenario : Scenario.values()) {
                for (String target : TARGETS) {
                    if (SCENARIOS.contains(scenario.name()) && System.nanoTime() < end
                            && (!target.equals("proxy") || round < PROXY_WARMUP_ROUNDS)) {
                        requests += closed(tenant, scenario, baseOf(target), Math.min(16, CONNECTIONS), 5).count;
                    }
                }
            }
        }
        log("JIT warm-up: " + requests + " requests in " + JIT_WARMUP_SECONDS + " s");
    }

    static String baseOf(String target) {
        return switch (target) {
            case "gateway" -> GATEWAY;
            case "direct" -> SCHEDULING;
            case "proxy" -> proxy;
            case "scg" -> scg;
            default -> throw new IllegalArgumentException("BENCH_TARGETS: unknown target " + target
                    + " (gateway, direct, proxy, scg)");
        };
    }

    /**
     * The options the local launcher gives the gateway: {@code PRAXIS_JAVA_OPTS} when set, else its small-footprint
     * defaults (infra/local's {@code JavaCommand.SMALL_FOOTPRINT}, repeated here rather than putting the launcher, its
     * embedded broker and Zipkin on the bench's classpath).
     */
    static List<String> launcherJavaOptions() {
        String override = env("PRAXIS_JAVA_OPTS", "").trim();
        return override.isEmpty()
                ? List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx512m", "-XX:MaxMetaspaceSize=192m",
                        "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError")
                : List.of(override.split("\\s+"));
    }

    /**
     * A floor ({@link ProxyFloor}, {@link GatewayFloor}) in a JVM of its own, started as the local launcher starts the
     * gateway (the same collector, heap and stack sizes), on a free port, in front of scheduling-service; stopped when
     * the bench exits.
     */
    static String startFloor(Class<?> main, String name) throws IOException, InterruptedException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launcherJavaOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(),
                String.valueOf(port), SCHEDULING));
        Path output = Files.createTempFile(main.getSimpleName() + "-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        String base = "http://localhost:" + port;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                log(name + " on " + base + " -> " + SCHEDULING);
                return base;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroy();
        throw new IllegalStateException("the " + name + " did not start on port " + port + ": see " + output);
    }

    /** One measurement of a target: a slice of a point, merged with the target's other slices. */
    interface Slice {
        Stats measure(String target) throws InterruptedException;
    }

    /**
     * A point measured on every target in {@code BENCH_SLICES} alternating slices (gateway, direct, proxy, scg, scg,
     * proxy, direct, gateway, ...), each target's slices merged. A machine whose speed drifts during the run (other
     * tenants of its host, see docs/performance.md, rounds 5-8) then drifts for all alike, and the gateway/direct
     * ratio compares like with like instead of two moments tens of seconds apart.
     */
    static Map<String, Stats> interleaved(Slice slice) throws InterruptedException {
        Map<String, Stats> merged = new LinkedHashMap<>();
        TARGETS.forEach(target -> merged.put(target, new Stats()));
        for (int i = 0; i < SLICES; i++) {
            List<String> order = new ArrayList<>(TARGETS);
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String target : order) {
                merged.get(target).add(slice.measure(target));
            }
        }
        return merged;
    }

    static Map<String, Object> summary(Stats stats) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("p50_ms", round(stats.percentileMillis(50)));
        summary.put("p95_ms", round(stats.percentileMillis(95)));
        summary.put("p99_ms", round(stats.percentileMillis(99)));
        summary.put("requests", stats.count);
        summary.put("errors", stats.errors);
        if (stats.errors > 0) {
            summary.put("ok_p95_ms", round(stats.okPercentileMillis(95)));
        }
        summary.put("throughput_rps", Math.round(stats.rps()));
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // ---------------------------------------------------------------- load

    /** Open model: requests are sent on schedule whatever the answers; latency counts from the intended send time. */
    static Stats open(Tenant tenant, Scenario scenario, String base, int rate, double seconds)
            throws InterruptedException {
        Stats stats = new Stats();
        long interval = 1_000_000_000L / rate;
        long total = Math.max(1, Math.round(rate * seconds));
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = scenario.request(tenant, base);
            pending.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                stats.record((System.nanoTime() - intended) / 1000, failure == null && response.statusCode() / 100 == 2);
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        stats.seconds = (System.nanoTime() - start) / 1e9;
        return stats;
    }

    /** Closed model: {@code connections} clients each sending their next request when the last is answered. */
    static Stats closed(Tenant tenant, Scenario scenario, String base, int connections, double seconds)
            throws InterruptedException {
        Stats stats = new Stats();
        long end = System.nanoTime() + (long) (seconds * 1_000_000_000L);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            threads.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    boolean ok;
                    try {
                        ok = HTTP.send(scenario.request(tenant, base), HttpResponse.BodyHandlers.discarding())
                                .statusCode() / 100 == 2;
                    } catch (IOException | InterruptedException e) {
                        ok = false;
                    }
                    stats.record((System.nanoTime() - sent) / 1000, ok);
                }
                return null;
            });
        }
        threads.shutdown();
        threads.awaitTermination((long) seconds + 60L, TimeUnit.SECONDS);
        stats.seconds = (System.nanoTime() - start) / 1e9;
        return stats;
    }

    // ---------------------------------------------------------------- scenarios

    enum Scenario {
        CALENDAR("calendar 7-day view") {
            HttpRequest request(Tenant t, String base) {
                Instant from = t.randomWeek();
                return t.get(base, "/api/v1/appointments?start_date=" + from + "&end_date=" + from.plus(7, ChronoUnit.DAYS)
                        + "&page_size=100");
            }

            List<Timed> sql(Tenant t) {
                String where = " from appointment a where a.tenant_id = ? and tstzrange(a.scheduled_start, a.scheduled_end, '[)')"
                        + " && tstzrange(?, ?, '[)')";
                return List.of(
                        new Timed("select a.*" + where + " order by a.scheduled_start, a.id limit 100 offset 0", s -> {
                            Instant from = t.randomWeek();
                            s.setObject(1, t.id);
                            s.setObject(2, from.atOffset(ZoneOffset.UTC));
                            s.setObject(3, from.plus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
                        }),
                        new Timed("select count(*)" + where, s -> {
                            Instant from = t.randomWeek();
                            s.setObject(1, t.id);
                            s.setObject(2, from.atOffset(ZoneOffset.UTC));
                            s.setObject(3, from.plus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
                        }));
            }
        },
        CLIENT_TIMELINE("client timeline") {
            HttpRequest request(Tenant t, String base) {
                return t.get(base, "/api/v1/appointments?client_id=" + t.randomClient());
            }

            List<Timed> sql(Tenant t) {
                String where = " from appointment a where a.tenant_id = ? and a.client_id = ?";
                Binder bind = s -> {
                    s.setObject(1, t.id);
                    s.setObject(2, t.randomClient());
                };
                return List.of(new Timed("select a.*" + where + " order by a.scheduled_start, a.id limit 50 offset 0", bind),
                        new Timed("select count(*)" + where, bind));
            }
        },
        CONFLICT_CHECK("conflict check") {
            HttpRequest request(Tenant t, String base) {
                Instant start = t.randomSlot();
                return t.get(base, "/api/v1/appointments/conflicts?scheduled_start=" + start + "&scheduled_end="
                        + start.plus(1, ChronoUnit.HOURS));
            }

            List<Timed> sql(Tenant t) {
                return List.of(new Timed("""
                        select a.id, a.scheduled_start, a.scheduled_end, a.status, c.first_name, c.last_name
                        from appointment a join client c on c.tenant_id = a.tenant_id and c.id = a.client_id
                        where a.tenant_id = ? and a.status in ('scheduled', 'completed')
                          and tstzrange(a.scheduled_start, a.scheduled_end, '[)') && tstzrange(?, ?, '[)')
                          and a.id <> ? order by a.scheduled_start, a.id""", s -> {
                    Instant start = t.randomSlot();
                    s.setObject(1, t.id);
                    s.setObject(2, start.atOffset(ZoneOffset.UTC));
                    s.setObject(3, start.plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
                    s.setObject(4, new UUID(0, 0));
                }));
            }
        },
        CREATE("appointment create") {
            HttpRequest request(Tenant t, String base) {
                Instant start = t.nextFreeSlot();
                return t.post(base, "/api/v1/appointments", "{\"client_id\":\"" + t.randomClient() + "\",\"service_id\":\""
                        + t.service + "\",\"location_id\":\"" + t.location + "\",\"location_type\":\"clinic\","
                        + "\"scheduled_start\":\"" + start + "\",\"scheduled_end\":\"" + start.plus(30, ChronoUnit.MINUTES)
                        + "\"}");
            }

            List<Timed> sql(Tenant t) {
                // The insert itself (the service also checks references and writes an outbox row); rolled back.
                return List.of(new Timed("""
                        insert into appointment (id, tenant_id, client_id, service_id, location_id, scheduled_start,
                          scheduled_end, location_type, status, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, 'clinic', 'scheduled', now(), now(), 0)""", s -> {
                    Instant start = t.nextFreeSlot();
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, t.id);
                    s.setObject(3, t.randomClient());
                    s.setObject(4, t.service);
                    s.setObject(5, t.location);
                    s.setObject(6, start.atOffset(ZoneOffset.UTC));
                    s.setObject(7, start.plus(30, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
                }, true));
            }
        },
        CLIENT_LIST("client list page") {
            HttpRequest request(Tenant t, String base) {
                return t.get(base, "/api/v1/clients?page=" + (1 + ThreadLocalRandom.current().nextInt(2)));
            }

            List<Timed> sql(Tenant t) {
                String where = " from client c where c.tenant_id = ? and c.archived_at is null";
                Binder bind = s -> s.setObject(1, t.id);
                return List.of(new Timed("select c.*" + where + " order by c.last_name, c.first_name, c.id limit 50 offset "
                        + (50 * ThreadLocalRandom.current().nextInt(2)), bind), new Timed("select count(*)" + where, bind));
            }
        };

        final String title;

        Scenario(String title) {
            this.title = title;
        }

        abstract HttpRequest request(Tenant tenant, String base);

        abstract List<Timed> sql(Tenant tenant);
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    record Timed(String sql, Binder binder, boolean rollback) {
        Timed(String sql, Binder binder) {
            this(sql, binder, false);
        }
    }

    /** The floor: the endpoint's statements, prepared once, executed back to back on one connection. */
    static Map<String, Object> floor(Tenant tenant, Scenario scenario) throws SQLException {
        try (Connection connection = jdbc()) {
            List<Timed> statements = scenario.sql(tenant);
            List<PreparedStatement> prepared = new ArrayList<>();
            for (Timed timed : statements) {
                prepared.add(connection.prepareStatement(timed.sql()));
            }
            boolean rollback = statements.stream().anyMatch(Timed::rollback);
            connection.setAutoCommit(!rollback);
            Stats stats = new Stats();
            long end = System.nanoTime() + Math.max(1, SECONDS / 2) * 1_000_000_000L;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                for (int i = 0; i < statements.size(); i++) {
                    PreparedStatement statement = prepared.get(i);
                    statements.get(i).binder().bind(statement);
                    if (statement.execute()) {
                        try (ResultSet rows = statement.getResultSet()) {
                            while (rows.next()) {
                                rows.getObject(1);
                            }
                        }
                    }
                }
                if (rollback) {
                    connection.rollback();
                }
                stats.record((System.nanoTime() - t0) / 1000, true);
            }
            stats.seconds = (System.nanoTime() - start) / 1e9;
            for (PreparedStatement statement : prepared) {
                statement.close();
            }
            log(String.format(Locale.ROOT, "%-6s sql      %-18s p50 %6.2f p95 %6.2f p99 %6.2f ms", tenant.name,
                    scenario.name(), stats.percentileMillis(50), stats.percentileMillis(95), stats.percentileMillis(99)));
            return summary(stats);
        }
    }

    static Connection jdbc() throws SQLException {
        DriverManager.setLoginTimeout(10);
        return DriverManager.getConnection(JDBC, env("BENCH_JDBC_USER", "postgres"), env("BENCH_JDBC_PASSWORD", ""));
    }

    // ---------------------------------------------------------------- tenants and seeding

    static final class Tenant {
        final String name;
        final int appointments;
        UUID id;
        UUID service;
        UUID location;
        final List<UUID> clients = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final AtomicInteger nextToken = new AtomicInteger();
        final AtomicLong nextSlot = new AtomicLong();
        Instant freeFrom;

        private Tenant(String name, int appointments) {
            this.name = name;
            this.appointments = appointments;
        }

        /**
         * A fresh tenant: admin and {@code USERS - 1} practitioners (registered and logged in at auth-service directly,
         * past the gateway's sign-up and login rate limits), one service, one location and {@code clientCount} clients
         * through the API, then the appointments with one INSERT ... SELECT generate_series (non-overlapping, every
         * two hours, one in ten completed) and ANALYZE.
         */
        static Tenant create(String name, int clientCount, int appointmentCount) throws Exception {
            long t0 = System.nanoTime();
            Tenant t = new Tenant(name, appointmentCount);
            String suffix = Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000);
            t.id = UUID.fromString(field(call(HttpRequest.newBuilder(URI.create(AUTH + "/api/v1/tenants/")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(body("{\"name\":\"Bench " + name + " " + suffix
                            + "\",\"legal_name\":\"Bench " + suffix + " LLC\",\"tax_id\":\"123456789\"}")).build()), "id"));
            String admin = "bench-" + name + "-" + suffix + "-0@example.com";
            call(register(admin, t.id, null, null));
            String adminToken = login(admin);
            t.tokens.add(adminToken);
            List<CompletableFuture<String>> logins = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 1; i < USERS; i++) {
                String email = "bench-" + name + "-" + suffix + "-" + i + "@example.com";
                logins.add(CompletableFuture.supplyAsync(unchecked(() -> {
                    call(register(email, t.id, "practitioner", adminToken));
                    return login(email);
                }), pool));
            }
            for (CompletableFuture<String> login : logins) {
                t.tokens.add(login.join());
            }
            pool.shutdown();
            t.service = UUID.fromString(field(call(t.post(SCHEDULING, "/api/v1/services",
                    "{\"name\":\"Massage\",\"default_duration_minutes\":60}")), "id"));
            t.location = UUID.fromString(field(call(t.post(SCHEDULING, "/api/v1/locations",
                    "{\"name\":\"Main Clinic\",\"location_type\":\"clinic\",\"address\":\"1 Bench Lane\"}")), "id"));
            for (int i = 0; i < clientCount; i++) {
                t.clients.add(UUID.fromString(field(call(t.post(SCHEDULING, "/api/v1/clients", String.format(Locale.ROOT,
                        "{\"first_name\":\"Client%03d\",\"last_name\":\"Bench%03d\",\"email\":\"c%d@example.com\","
                                + "\"consent_status\":true}", i, (i * 37) % clientCount, i))), "id")));
            }
            try (Connection connection = jdbc(); Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into appointment (id, tenant_id, client_id, service_id, location_id, scheduled_start,
                          scheduled_end, location_type, status, created_at, updated_at, version)
                        select gen_random_uuid(), '%1$s', c.ids[1 + g %% array_length(c.ids, 1)], '%2$s', '%3$s',
                          timestamptz '%4$s' + g * interval '2 hours', timestamptz '%4$s' + g * interval '2 hours' + interval '50 minutes',
                          'clinic', case when g %% 10 = 0 then 'completed' else 'scheduled' end, now(), now(), 0
                        from generate_series(0, %5$d - 1) g,
                          (select array_agg(id order by id) ids from client where tenant_id = '%1$s') c"""
                        .formatted(t.id, t.service, t.location, BASE, appointmentCount));
                statement.execute("analyze appointment");
                statement.execute("analyze client");
            }
            t.freeFrom = BASE.plus(SPACING.multipliedBy(appointmentCount + 10L));
            log(String.format(Locale.ROOT, "tenant %s: %d users, %d clients, %d appointments, seeded in %.1f s", name,
                    t.tokens.size(), clientCount, appointmentCount, (System.nanoTime() - t0) / 1e9));
            return t;
        }

        Instant randomWeek() {
            long weeks = Math.max(1, SPACING.multipliedBy(appointments).toDays() / 7 - 1);
            return BASE.plus(7 * ThreadLocalRandom.current().nextLong(weeks), ChronoUnit.DAYS);
        }

        Instant randomSlot() {
            return BASE.plus(ThreadLocalRandom.current().nextLong(appointments), ChronoUnit.HOURS);
        }

        /** Slots after the seeded ones, one per create, 30 minutes long: a create never conflicts. */
        Instant nextFreeSlot() {
            return freeFrom.plus(nextSlot.getAndIncrement(), ChronoUnit.HOURS);
        }

        UUID randomClient() {
            return clients.get(ThreadLocalRandom.current().nextInt(clients.size()));
        }

        /** Round-robin over the tenant's users: the gateway's per-user rate limit stays untouched. */
        String token() {
            return tokens.get(Math.floorMod(nextToken.getAndIncrement(), tokens.size()));
        }

        HttpRequest get(String base, String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token()).GET().build();
        }

        HttpRequest post(String base, String path, String json) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .POST(body(json)).build();
        }
    }

    static HttpRequest register(String email, UUID tenant, String role, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(AUTH + "/api/v1/auth/register")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(body("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"full_name\":\"Bench\","
                        + "\"tenant_id\":\"" + tenant + "\"" + (role == null ? "" : ",\"role\":\"" + role + "\"") + "}"));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    static String login(String email) throws IOException, InterruptedException {
        return field(call(HttpRequest.newBuilder(URI.create(AUTH + "/api/v1/auth/login")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(body("{\"username_or_email\":\"" + email + "\",\"password\":\"correct horse battery\"}")).build()),
                "access_token");
    }

    static String call(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                    + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    static <T> Supplier<T> unchecked(ThrowingSupplier<T> supplier) {
        return () -> {
            try {
                return supplier.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void log(String message) {
        System.out.println(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }
}
