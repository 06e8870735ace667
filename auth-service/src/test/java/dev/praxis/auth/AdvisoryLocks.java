package dev.praxis.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What PostgreSQL shows of the advisory locks that serialise work on an account. */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * How many other sessions are waiting for an advisory lock that the session of this connection holds. No key is
     * needed: a waiter counts only when it waits for exactly a lock this session has been granted.
     */
    public static int waitersOnLocksHeldBy(Connection holder) throws SQLException {
        try (PreparedStatement query = holder.prepareStatement("""
                select count(*) from pg_locks waiting
                join pg_locks held on held.locktype = 'advisory' and held.granted and held.pid = pg_backend_pid()
                    and held.database is not distinct from waiting.database and held.classid = waiting.classid
                    and held.objid = waiting.objid and held.objsubid = waiting.objsubid
                where waiting.locktype = 'advisory' and not waiting.granted and waiting.pid <> held.pid""");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}
