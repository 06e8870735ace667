package dev.praxis.discovery;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("local")
class DiscoveryApplicationTest {

    private static final String APP = "PROBE-SERVICE";
    private static final String INSTANCE_ID = "localhost:probe-service:9123";
    private static final int INSTANCE_PORT = 9123;

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                // Status codes are asserted, not thrown.
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void reportsHealthUp() {
        ResponseEntity<String> health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.getBody(), "$.status")).isEqualTo("UP");
    }

    @Test
    void registersListsAndForgetsAnInstanceTheWayAEurekaClientDoes() {
        ResponseEntity<Void> registered = http.post().uri("/eureka/apps/{app}", APP)
                .contentType(MediaType.APPLICATION_JSON)
                .body(instanceJson())
                .retrieve().toBodilessEntity();
        assertThat(registered.getStatusCode().value()).isEqualTo(204);

        // The registry serves reads from a cache refreshed every second in the local profile.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ResponseEntity<String> app = getApp();
            assertThat(app.getStatusCode().value()).isEqualTo(200);
            String body = app.getBody();
            assertThat(JsonPath.<String>read(body, "$.application.name")).isEqualTo(APP);
            assertThat(JsonPath.<String>read(body, "$.application.instance[0].instanceId")).isEqualTo(INSTANCE_ID);
            assertThat(JsonPath.<String>read(body, "$.application.instance[0].status")).isEqualTo("UP");
            assertThat(JsonPath.<Integer>read(body, "$.application.instance[0].port['$']")).isEqualTo(INSTANCE_PORT);
        });

        ResponseEntity<Void> cancelled = http.delete().uri("/eureka/apps/{app}/{id}", APP, INSTANCE_ID)
                .retrieve().toBodilessEntity();
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(getApp().getStatusCode().value()).isEqualTo(404));
    }

    private ResponseEntity<String> getApp() {
        return http.get().uri("/eureka/apps/{app}", APP)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().toEntity(String.class);
    }

    /** The body a Eureka client sends on registration (InstanceInfo in Eureka's JSON codec). */
    private static String instanceJson() {
        return """
                {"instance": {
                  "instanceId": "%1$s",
                  "hostName": "localhost",
                  "app": "%2$s",
                  "ipAddr": "127.0.0.1",
                  "status": "UP",
                  "overriddenStatus": "UNKNOWN",
                  "port": {"$": %3$d, "@enabled": "true"},
                  "securePort": {"$": 443, "@enabled": "false"},
                  "countryId": 1,
                  "dataCenterInfo": {
                    "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
                    "name": "MyOwn"
                  },
                  "leaseInfo": {"renewalIntervalInSecs": 30, "durationInSecs": 90},
                  "homePageUrl": "http://localhost:%3$d/",
                  "statusPageUrl": "http://localhost:%3$d/actuator/info",
                  "healthCheckUrl": "http://localhost:%3$d/actuator/health",
                  "vipAddress": "probe-service",
                  "secureVipAddress": "probe-service",
                  "isCoordinatingDiscoveryServer": "false"
                }}
                """.formatted(INSTANCE_ID, APP, INSTANCE_PORT);
    }
}
