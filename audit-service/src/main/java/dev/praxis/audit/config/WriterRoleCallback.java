package dev.praxis.audit.config;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * After migrations (run as the owner), makes sure the service's own login role exists with exactly the rights it needs:
 * INSERT and SELECT on the audit log, and what the platform's outbox and consumer tables require. It can never UPDATE,
 * DELETE or TRUNCATE an audit record, whatever the application does.
 */
@Component
class WriterRoleCallback implements Callback {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final AuditProperties properties;

    WriterRoleCallback(AuditProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String role = properties.writerRole();
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalStateException("praxis.audit.writer-role is not a plain role name");
        }
        String password = properties.writerPassword();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("praxis.audit.writer-password (AUDIT_WRITER_PASSWORD) must be set");
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login password %2$s;
                      else
                        alter role %1$s login password %2$s;
                      end if;
                    end $$""".formatted(role, quotedPassword));
            sql.execute("grant usage on schema public to " + role);
            sql.execute("revoke all on audit_record from " + role);
            sql.execute("grant select, insert on audit_record to " + role);
            sql.execute("""
                    do $$ begin
                      if to_regclass('outbox_event') is not null then
                        grant select, insert, update, delete on outbox_event to %1$s;
                        grant usage on sequence outbox_event_id_seq to %1$s;
                      end if;
                      if to_regclass('processed_event') is not null then
                        grant select, insert on processed_event to %1$s;
                      end if;
                    end $$""".formatted(role));
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the audit writer role (SQLState " + e.getSQLState() + ")");
        }
    }

    @Override
    public String getCallbackName() {
        return "audit-writer-role";
    }
}
