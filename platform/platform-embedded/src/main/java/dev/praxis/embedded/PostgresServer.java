package dev.praxis.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from embedded binaries (zonky), on a fixed port with a persistent data directory, or on a
 * free port with a throw-away one. Superuser {@code postgres}, no password, loopback only.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} keeping its data in {@code dataDir} (created on first start). */
    public static PostgresServer start(int port, Path dataDir) {
        return start(EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir).setCleanDataDirectory(false));
    }

    /** Starts PostgreSQL on a free port with a temporary data directory, removed on close. */
    public static PostgresServer startTemporary() {
        return start(EmbeddedPostgres.builder());
    }

    private static PostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            return new PostgresServer(builder
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("fsync", "on")
                    // No DETAIL lines in the server's log: they quote a refused row's values ("Key (email)=(...)").
                    .setServerConfig("log_error_verbosity", "terse")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String database) {
        requireSafe(database);
        execute("postgres", conn -> {
            try (var stmt = conn.prepareStatement("select 1 from pg_database where datname = ?")) {
                stmt.setString(1, database);
                if (stmt.executeQuery().next()) {
                    return;
                }
            }
            try (Statement stmt = conn.createStatement()) {
                stmt.execute("create database " + database);
            }
        });
    }

    /** Runs {@code work} on a superuser connection to {@code database}. */
    public void execute(String database, SqlWork work) {
        try (Connection conn = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "")) {
            work.run(conn);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL against embedded PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
    }

    /** Work on a JDBC connection. */
    @FunctionalInterface
    public interface SqlWork {
        void run(Connection connection) throws SQLException;
    }
}
