package dev.praxis.platform.kafka;

import dev.praxis.platform.outbox.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A record is parked on its dead-letter topic only when it is the record that fails, never when the database does. */
class DeadLetteringTest {

    private final List<ConsumerRecord<?, ?>> parked = new ArrayList<>();
    private final ConsumerRecord<String, String> record = new ConsumerRecord<>("praxis.auth.events", 0, 42, "k", "v");

    @Test
    void parksARecordThatCannotBeProcessed() {
        KafkaConsumerAutoConfiguration.parkingUnlessUnavailable((r, e) -> parked.add(r))
                .accept(record, new ListenerExecutionFailedException("failed", new MalformedEventException("bad")));

        assertThat(parked).containsExactly(record);
    }

    @Test
    void deliversItAgainWhileTheDatabaseIsOutOfReach() {
        for (Exception down : List.of(
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")),
                new CannotCreateTransactionException("no transaction"),
                new JpaSystemException(new RuntimeException("commit failed", new SQLException("I/O error", "08006"))))) {
            assertThatThrownBy(() -> KafkaConsumerAutoConfiguration.parkingUnlessUnavailable((r, e) -> parked.add(r))
                    .accept(record, new ListenerExecutionFailedException("failed", down)))
                    .hasMessageContaining("praxis.auth.events-0@42 will be delivered again");
        }

        assertThat(parked).isEmpty();
    }
}
