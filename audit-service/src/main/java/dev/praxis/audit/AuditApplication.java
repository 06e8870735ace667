package dev.praxis.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The audit log: consumes every Praxis event topic and keeps each event once, append-only and hash-chained. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
