package dev.praxis.platform.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/** JSON details every service shares; Spring Boot registers the module with its {@code JsonMapper}. */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class JsonAutoConfiguration {

    @Bean
    JacksonModule praxisJsonModule() {
        return new SimpleModule("praxis").addSerializer(Instant.class, new IsoInstantSerializer());
    }
}
