package dev.praxis.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {

    @Test
    void keepsDatabasesAcrossARestart(@TempDir Path dir) {
        int port = Ports.free();
        try (PostgresServer first = PostgresServer.start(port, dir)) {
            first.ensureDatabase("praxis_sample");
            first.ensureDatabase("praxis_sample");
            first.execute("praxis_sample", conn -> conn.createStatement().execute("create table kept (v int); insert into kept values (42)"));
        }
        try (PostgresServer second = PostgresServer.start(port, dir)) {
            int[] value = new int[1];
            second.execute("praxis_sample", conn -> {
                ResultSet rs = conn.createStatement().executeQuery("select v from kept");
                rs.next();
                value[0] = rs.getInt(1);
            });
            assertThat(value[0]).isEqualTo(42);
        }
    }

    @Test
    void refusesUnsafeDatabaseNames() {
        try (PostgresServer server = PostgresServer.startTemporary()) {
            assertThatThrownBy(() -> server.ensureDatabase("x; drop database postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
