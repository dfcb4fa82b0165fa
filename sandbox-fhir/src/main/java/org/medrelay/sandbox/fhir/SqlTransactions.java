package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs store work on one connection, committing on success and rolling back on any failure. */
final class SqlTransactions {

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    SqlTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param operation what is being done, with resource type and id only (it ends up in the error message)
     */
    <T> T inTransaction(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailureException(operation, e);
        }
    }

    /** Reads see committed data only, so they need no transaction of their own. */
    <T> T read(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreFailureException(operation, e);
        }
    }

    /**
     * A database failure reported as HTTP 500 without the driver's message: H2 quotes the offending column
     * values, and an identifier value is PHI. The SQLState and vendor code say what went wrong; the driver's
     * stack trace, kept on this exception, says where.
     */
    static final class StoreFailureException extends InternalErrorException {
        private static final long serialVersionUID = 1L;

        StoreFailureException(String operation, SQLException cause) {
            super("Sandbox FHIR store could not " + operation
                    + " (SQLState " + cause.getSQLState() + ", vendor code " + cause.getErrorCode() + ")");
            setStackTrace(cause.getStackTrace());
        }
    }
}
