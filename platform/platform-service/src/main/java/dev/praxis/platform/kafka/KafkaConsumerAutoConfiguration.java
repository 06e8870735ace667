package dev.praxis.platform.kafka;

import dev.praxis.contracts.events.Topics;
import dev.praxis.platform.database.DatabaseFailures;
import dev.praxis.platform.outbox.MalformedEventException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import javax.sql.DataSource;

/**
 * Consumer defaults: a record that cannot be processed is retried a few times (unless it can never succeed, like a
 * malformed envelope) and then parked on {@code <topic>.dlt} with the reason in its headers; the consumer keeps going.
 * A record that failed only because the database is out of reach is never parked: it is delivered again, after the
 * same few retries each round, until the database is back (the event is not lost, and nothing after it overtakes it).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnBean(KafkaTemplate.class)
public class KafkaConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<?, ?> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(3);
        DefaultErrorHandler handler = new DefaultErrorHandler(parkingUnlessUnavailable(recoverer), backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, DeserializationException.class);
        return handler;
    }

    /** Refusing to recover makes the error handler seek back, so the records are delivered again. */
    static ConsumerRecordRecoverer parkingUnlessUnavailable(ConsumerRecordRecoverer park) {
        return (record, exception) -> {
            if (DatabaseFailures.unavailable(exception)) {
                throw new IllegalStateException("database unavailable: " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " will be delivered again", exception);
            }
            park.accept(record, exception);
        };
    }

    @Bean
    @ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
    IdempotentConsumer idempotentConsumer(DataSource dataSource, PlatformTransactionManager transactions) {
        return new IdempotentConsumer(new JdbcTemplate(dataSource), new TransactionTemplate(transactions));
    }
}
