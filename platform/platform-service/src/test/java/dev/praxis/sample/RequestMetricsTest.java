package dev.praxis.sample;

import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A request is timed once ({@code http.server.requests}); nothing else is kept per request or per log call. */
@PraxisServiceTest
class RequestMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void timesARequestWithoutALongTaskTimerOrLogEventCounters() {
        assertThat(HttpTestClient.onPort(port).as(TestUser.inNewTenant(Role.PRACTITIONER)).get("/widgets").status())
                .isEqualTo(200);

        await().untilAsserted(() -> assertThat(meters.find("http.server.requests").timer()).isNotNull());
        assertThat(meters.find("http.server.requests.active").meters()).isEmpty();
        assertThat(meters.find("logback.events").meters()).isEmpty();
    }
}
