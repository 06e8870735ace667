package dev.praxis.scheduling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** PazPaz clients, appointments, services and locations (DESIGN.md section 5, scheduling-service). */
@SpringBootApplication
public class SchedulingApplication {

    public static void main(String[] args) {
        SpringApplication.run(SchedulingApplication.class, args);
    }

    /** UTC, ticking in microseconds: what PostgreSQL keeps, so a timestamp reads back exactly as it was answered. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
