package dev.praxis.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * The single public entry point of Praxis (DESIGN.md section 4): routes by path prefix to {@code lb://<service>},
 * verifies tokens, rate-limits, and owns the edge (request ids, headers, errors, CORS, health, API docs).
 * Packages by feature: {@code routing}, {@code security}, {@code revocation}, {@code ratelimit}, {@code edge},
 * {@code health}, {@code docs}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
