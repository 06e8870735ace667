package dev.praxis.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds {@code praxis-platform-defaults.yml} as the lowest-precedence property source, so every service shares one
 * configuration block (Kafka producer safety, JPA validation, tracing, actuator exposure...) instead of a copy each.
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "praxisPlatformDefaults";
    private static final String LOCATION = "praxis-platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load(SOURCE_NAME, new ClassPathResource(LOCATION, PlatformDefaults.class.getClassLoader()));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }
}
