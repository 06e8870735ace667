package dev.praxis.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTest {

    private static final String FIRST_TENANT = "curl -X POST http://localhost:8000/api/v1/tenants/ "
            + "-H 'Content-Type: application/json' "
            + "-d '{\"name\":\"Acme Lab\",\"legal_name\":\"Acme Lab Inc\",\"tax_id\":\"123\"}'";

    @Test
    void saysWhereEverythingIsAndHowToCreateTheFirstTenant() {
        String banner = Banner.render(stack(List.of("auth-service", "gateway"), true));

        assertThat(banner)
                .contains("started in 23.4 s")
                .contains("http://localhost:8000   (API docs: http://localhost:8000/docs)")
                .contains("Eureka      http://localhost:8761")
                .contains("Zipkin      http://localhost:9411")
                .contains("auth-service :9001, gateway :8000")
                .contains("jdbc:postgresql://127.0.0.1:5432/")
                .contains("Kafka       127.0.0.1:9092")
                .contains("SMTP        localhost:3025", "/data/.praxis/logs/mail.log")
                .contains("Logs        /data/.praxis/logs")
                .contains(FIRST_TENANT);
    }

    @Test
    void saysSoWhenTheGatewayIsNotBuiltOrZipkinIsOff() {
        String banner = Banner.render(stack(List.of(), false));

        assertThat(banner)
                .contains("Gateway     gateway not built yet")
                .contains("Services    none built yet")
                .contains("Zipkin      not started (--no-zipkin)");
    }

    private static RunningStack stack(List<String> services, boolean zipkin) {
        return new RunningStack(() -> { }, StackPorts.defaults(), services, zipkin,
                new DataDir(Path.of("/data/.praxis")), Duration.ofMillis(23_400));
    }
}
