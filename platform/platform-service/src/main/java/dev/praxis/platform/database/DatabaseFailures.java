package dev.praxis.platform.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure means the database was out of reach (the work may succeed when it is back: 503 for a request,
 * delivered again for a Kafka record) rather than that the work itself was refused.
 */
public final class DatabaseFailures {

    /** SQLState class 08: the connection failed or was lost (PgJDBC's way of saying so, whatever wraps it). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
