package dev.praxis.audit.config;

import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Without a writer password (AUDIT_WRITER_PASSWORD) the migration, and so the start, fails; the role name is spliced
 * into SQL, so anything but a plain lower-case identifier is refused before a statement is run. No Spring context.
 */
class WriterRoleCallbackTest {

    private static final String ROLE = "praxis_audit_writer";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void aMissingOrBlankPasswordRefusesToRunAndNamesTheVariable(String password) {
        Context context = mock(Context.class);

        assertThatThrownBy(() -> callback(ROLE, password).handle(Event.AFTER_MIGRATE, context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUDIT_WRITER_PASSWORD");
        verifyNoInteractions(context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "praxis_audit_writer; drop table audit_record", "praxis_audit_writer--",
            "\"praxis_audit_writer\"", "Praxis_Audit_Writer", "1writer", "audit-writer", "audit writer", "writer$",
            "praxis_audit_writer\n"})
    void aRoleNameThatIsNotAPlainIdentifierIsRefusedBeforeAnySql(String role) {
        Context context = mock(Context.class);

        assertThatThrownBy(() -> callback(role, "secret").handle(Event.AFTER_MIGRATE, context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("praxis.audit.writer-role");
        verifyNoInteractions(context);
    }

    @Test
    void aRoleNameLongerThanPostgresKeepsIsRefused() {
        Context context = mock(Context.class);

        assertThatThrownBy(() -> callback("w".repeat(64), "secret").handle(Event.AFTER_MIGRATE, context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("praxis.audit.writer-role");
        verifyNoInteractions(context);
    }

    @Test
    void aPlainRoleAndAPasswordWithAQuoteAreSetUpWithTheQuoteEscaped() throws Exception {
        Context context = mock(Context.class);
        Connection connection = mock(Connection.class);
        Statement statement = mock(Statement.class);
        when(context.getConnection()).thenReturn(connection);
        when(connection.createStatement()).thenReturn(statement);
        String longestRole = "w".repeat(63);

        callback(longestRole, "it's'; drop role postgres; --").handle(Event.AFTER_MIGRATE, context);

        ArgumentCaptor<String> sql = ArgumentCaptor.forClass(String.class);
        verify(statement, atLeastOnce()).execute(sql.capture());
        assertThat(sql.getAllValues().get(0))
                .contains("create role " + longestRole + " login password 'it''s''; drop role postgres; --'")
                .doesNotContain("'it's'");
        assertThat(sql.getAllValues()).contains("grant select, insert on audit_record to " + longestRole)
                .noneMatch(s -> s.matches("(?s).*grant[^;]*(update|delete|truncate)[^;]*audit_record.*"));
        verify(statement).close();
    }

    @Test
    void runsOnlyAfterMigrations() {
        WriterRoleCallback callback = callback(ROLE, "secret");
        Context context = mock(Context.class);

        assertThat(callback.supports(Event.AFTER_MIGRATE, context)).isTrue();
        assertThat(callback.supports(Event.BEFORE_MIGRATE, context)).isFalse();
        assertThat(callback.supports(Event.AFTER_EACH_MIGRATE, context)).isFalse();
    }

    private static WriterRoleCallback callback(String role, String password) {
        return new WriterRoleCallback(new AuditProperties(role, password));
    }
}
