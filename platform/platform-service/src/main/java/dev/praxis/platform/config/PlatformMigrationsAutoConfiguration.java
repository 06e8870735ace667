package dev.praxis.platform.config;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Applies the service's migrations, then the platform's own tables (outbox, processed events) from
 * {@code classpath:db/platform} with a history table of their own, so platform and service versions never collide.
 * The platform's history baselines at version 0 on the service's non-empty schema; the service's never baselines.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass(Flyway.class)
public class PlatformMigrationsAutoConfiguration {

    static final String PLATFORM_LOCATION = "classpath:db/platform";
    static final String PLATFORM_HISTORY_TABLE = "flyway_platform_history";

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformThenServiceMigrations() {
        return flyway -> {
            flyway.migrate();
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .locations(PLATFORM_LOCATION)
                    .table(PLATFORM_HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        };
    }
}
