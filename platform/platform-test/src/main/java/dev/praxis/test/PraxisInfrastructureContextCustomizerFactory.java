package dev.praxis.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
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
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
            registry.registerBeanDefinition("praxisTestJdbcConnectionDetails",
                    new RootBeanDefinition(JdbcConnectionDetails.class, () -> new JdbcConnectionDetails() {
                        @Override
                        public String getUsername() {
                            return database.username();
                        }

                        @Override
                        public String getPassword() {
                            return database.password();
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
                    Map.of("praxis.security.jwk-set-uri", TestJwts.jwkSetUri(),
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
