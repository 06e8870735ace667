package dev.praxis.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;
import java.util.Map;

/** Applies {@link WithPraxisInfrastructure}: registered in {@code META-INF/spring.factories}. */
class PraxisInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    /** The test database's superuser, for a service whose migrations run as an owner role (e.g. audit-service). */
    static final String SUPERUSER_USERNAME = "praxis.test.database.username";
    static final String SUPERUSER_PASSWORD = "praxis.test.database.password";
    /** Set by a service to run its datasource as a restricted role its migrations create. */
    static final String RESTRICTED_USERNAME = "praxis.test.datasource.username";
    static final String RESTRICTED_PASSWORD = "praxis.test.datasource.password";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, WithPraxisInfrastructure.class)
                ? new InfrastructureCustomizer() : null;
    }

    private static final class InfrastructureCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure.Database database = TestInfrastructure.postgres();
            String kafka = TestInfrastructure.kafkaBootstrapServers();
            ConfigurableEnvironment environment = context.getEnvironment();
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
            registry.registerBeanDefinition("praxisTestJdbcConnectionDetails",
                    new RootBeanDefinition(JdbcConnectionDetails.class, () -> new JdbcConnectionDetails() {
                        @Override
                        public String getUsername() {
                            return environment.getProperty(RESTRICTED_USERNAME, database.username());
                        }

                        @Override
                        public String getPassword() {
                            return environment.getProperty(RESTRICTED_PASSWORD, database.password());
                        }

                        @Override
                        public String getJdbcUrl() {
                            return database.jdbcUrl();
                        }
                    }));
            registry.registerBeanDefinition("praxisTestKafkaConnectionDetails",
                    new RootBeanDefinition(KafkaConnectionDetails.class,
                            () -> (KafkaConnectionDetails) () -> List.of(kafka)));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("praxisTestInfrastructure",
                    Map.of(SUPERUSER_USERNAME, database.username(),
                            SUPERUSER_PASSWORD, database.password(),
                            "praxis.security.jwk-set-uri", TestJwts.jwkSetUri(),
                            "spring.mail.host", "127.0.0.1",
                            "spring.mail.port", TestMail.smtpPort(),
                            "eureka.client.enabled", false,
                            "spring.cloud.discovery.enabled", false,
                            "management.tracing.export.zipkin.enabled", false,
                            "praxis.outbox.poll-interval", "100ms",
                            "praxis.outbox.max-backoff", "1s")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InfrastructureCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureCustomizer.class.hashCode();
        }
    }
}
