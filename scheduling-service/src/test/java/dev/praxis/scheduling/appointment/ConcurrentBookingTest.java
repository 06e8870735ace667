package dev.praxis.scheduling.appointment;

import dev.praxis.contracts.security.Role;
import dev.praxis.scheduling.Scheduling;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The exclusion constraint, not the application check, decides a race: one booking wins, every other one is a 409. */
@PraxisServiceTest
class ConcurrentBookingTest {

    static final int CALLERS = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void fiftySimultaneousBookingsOfOneSlotGiveExactlyOne201() throws Exception {
        TestUser practitioner = TestUser.inNewTenant(Role.PRACTITIONER);
        Scheduling scheduling = Scheduling.as(port, practitioner);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            clients.add(scheduling.client("Client", "Number " + i));
        }
        Instant start = Instant.parse("2025-11-03T09:00:00Z");
        Instant end = Instant.parse("2025-11-03T10:00:00Z");
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (String client : clients) {
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return scheduling.book(client, start, end);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Response> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(CALLERS - 1);
        String winner = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                .json().get("id").asString();
        assertThat(responses).filteredOn(r -> r.status() == 409).allSatisfy(r -> assertThat(
                r.json().get("detail").get("conflicting_appointments").get(0).get("id").asString()).isEqualTo(winner));
        assertThat(jdbc.queryForObject("select count(*) from appointment where tenant_id = ?", Integer.class,
                practitioner.tenantId())).isEqualTo(1);
    }

    /**
     * The path the race takes deterministically: the application check cannot see an uncommitted booking, so the insert
     * waits on the exclusion constraint, fails with 23P01 once the other commits, and is answered with the same 409.
     */
    @Test
    void bookingRacingAnUncommittedOneWaitsForItAndGetsThe409() throws Exception {
        TestUser practitioner = TestUser.inNewTenant(Role.PRACTITIONER);
        Scheduling scheduling = Scheduling.as(port, practitioner);
        String client = scheduling.client("Jane", "Roe");
        Instant start = Instant.parse("2025-11-04T09:00:00Z");
        UUID rival = UUID.randomUUID();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into appointment (id, tenant_id, client_id, scheduled_start, scheduled_end, location_type,
                                             status, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, 'clinic', 'scheduled', now(), now(), 0)""")) {
                insert.setObject(1, rival);
                insert.setObject(2, practitioner.tenantId());
                insert.setObject(3, UUID.fromString(client));
                insert.setObject(4, start.atOffset(ZoneOffset.UTC));
                insert.setObject(5, start.plusSeconds(3600).atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            Future<Response> booking = caller.submit(() -> scheduling.book(client, start.plusSeconds(1800),
                    start.plusSeconds(5400)));
            await("the booking waits on the exclusion constraint").atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) > 0);
            connection.commit();

            Response response = booking.get(20, TimeUnit.SECONDS);

            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("detail").get("conflicting_appointments").get(0).get("id").asString())
                    .isEqualTo(rival.toString());
        } finally {
            caller.shutdownNow();
        }
    }

    /**
     * A client delete archives the client, then cancels its future appointments. A booking for that client made
     * meanwhile must either finish before the archive (and be cancelled with the rest) or see it (and be a 404):
     * here the archive is uncommitted, and the booking waits for it.
     */
    @Test
    void bookingRacingAnUncommittedClientDeleteWaitsForItAndGetsThe404() throws Exception {
        TestUser practitioner = TestUser.inNewTenant(Role.PRACTITIONER);
        Scheduling scheduling = Scheduling.as(port, practitioner);
        String client = scheduling.client("Jane", "Roe");
        Instant start = Instant.parse("2025-11-05T09:00:00Z");
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement archive = connection.prepareStatement(
                    "update client set archived_at = now() where id = ?")) {
                archive.setObject(1, UUID.fromString(client));
                assertThat(archive.executeUpdate()).isEqualTo(1);
            }
            Future<Response> booking = caller.submit(() -> scheduling.book(client, start, start.plusSeconds(3600)));
            await("the booking waits for the client's archive").atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) > 0);
            assertThat(booking).isNotDone();
            connection.commit();

            Response response = booking.get(20, TimeUnit.SECONDS);

            assertThat(response.status()).as(response.toString()).isEqualTo(404);
        } finally {
            caller.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from appointment where client_id = ?::uuid", Integer.class,
                client)).isZero();
    }
}
