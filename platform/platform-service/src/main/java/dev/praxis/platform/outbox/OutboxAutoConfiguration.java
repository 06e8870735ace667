package dev.praxis.platform.outbox;

import dev.praxis.contracts.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** The transactional outbox: {@link EventRecorder} for services, and the relay that publishes to Kafka. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnBean({DataSource.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxStore outboxStore(DataSource dataSource) {
        return new OutboxStore(new JdbcTemplate(dataSource));
    }

    @Bean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(OutboxStore store, KafkaTemplate<?, ?> kafka, PlatformTransactionManager transactions,
                            OutboxProperties properties, ObjectProvider<Tracer> tracer,
                            ObjectProvider<Propagator> propagator, ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(store, (KafkaTemplate<String, String>) kafka, new TransactionTemplate(transactions),
                properties, tracer, propagator, meters);
    }

    @Bean
    EventRecorder eventRecorder(OutboxStore store, OutboxRelay relay, OutboxProperties properties,
                                @Value("${spring.application.name}") String applicationName,
                                ObjectProvider<Clock> clock, ObjectProvider<Tracer> tracer,
                                ObjectProvider<Propagator> propagator) {
        return new EventRecorder(store, relay, applicationName, topic(properties, applicationName),
                clock.getIfAvailable(Clock::systemUTC), tracer, propagator);
    }

    /** Declares this service's topic (3 partitions) so that it exists before the first event; harmless if it does. */
    @Bean
    NewTopic outboxTopic(OutboxProperties properties, @Value("${spring.application.name}") String applicationName) {
        return TopicBuilder.name(topic(properties, applicationName)).partitions(3).replicas(1).build();
    }

    private static String topic(OutboxProperties properties, String applicationName) {
        return properties.topic() != null && !properties.topic().isBlank()
                ? properties.topic() : Topics.forService(applicationName);
    }
}
