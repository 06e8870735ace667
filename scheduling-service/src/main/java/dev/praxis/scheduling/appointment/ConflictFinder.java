package dev.praxis.scheduling.appointment;

import dev.praxis.scheduling.web.ApiEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The conflict rule (DESIGN.md section 5) as a query: the tenant's scheduled or completed appointments whose half-open
 * interval {@code [start, end)} overlaps the given one. The predicate is the {@code appointment_no_overlap} constraint's,
 * so this is answered from that constraint's GiST index. At most {@value #LISTED} are listed, the earliest first:
 * a window of years would otherwise list (and answer, in a 409) the whole tenant's calendar.
 */
@Repository
class ConflictFinder {

    static final int LISTED = 50;

    /** No appointment has the nil id: "exclude nothing". */
    private static final UUID NONE = new UUID(0, 0);

    private static final String SQL = """
            select a.id, a.scheduled_start, a.scheduled_end, a.status, c.first_name, c.last_name
            from appointment a
            join client c on c.tenant_id = a.tenant_id and c.id = a.client_id
            where a.tenant_id = :tenantId
              and a.status in ('scheduled', 'completed')
              and tstzrange(a.scheduled_start, a.scheduled_end, '[)') && tstzrange(:start, :end, '[)')
              and a.id <> :excludeId
            order by a.scheduled_start, a.id
            limit %d""".formatted(LISTED);

    private final JdbcClient jdbc;

    ConflictFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Conflicts.Found> find(UUID tenantId, Instant start, Instant end, UUID excludeId) {
        return jdbc.sql(SQL)
                .param("tenantId", tenantId)
                .param("start", start.atOffset(ZoneOffset.UTC))
                .param("end", end.atOffset(ZoneOffset.UTC))
                .param("excludeId", excludeId == null ? NONE : excludeId)
                .query(ConflictFinder::found)
                .list();
    }

    private static Conflicts.Found found(ResultSet row, int rowNum) throws SQLException {
        return new Conflicts.Found(row.getObject("id", UUID.class),
                row.getObject("scheduled_start", OffsetDateTime.class).toInstant(),
                row.getObject("scheduled_end", OffsetDateTime.class).toInstant(),
                ApiEnum.parse(AppointmentStatus.class, row.getString("status")),
                initials(row.getString("first_name"), row.getString("last_name")));
    }

    /** "Jane", "Doe" → "J.D." */
    static String initials(String firstName, String lastName) {
        return initial(firstName) + initial(lastName);
    }

    private static String initial(String name) {
        return name == null || name.isBlank() ? "" : new String(Character.toChars(
                Character.toUpperCase(name.strip().codePointAt(0)))) + ".";
    }
}
