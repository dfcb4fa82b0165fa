package org.medrelay.sandbox.fhir;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.medrelay.sandbox.fhir.SqlTransactions.StoreFailureException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlTransactionsTest {

    private static SqlTransactions transactionsOnFreshDatabase(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        SqlTransactions transactions = new SqlTransactions(dataSource);
        transactions.inTransaction("create table", c -> c.createStatement()
                .executeUpdate("CREATE TABLE token (token_value VARCHAR(64) PRIMARY KEY)"));
        return transactions;
    }

    @Test
    void failureReportsSqlStateButNotTheValuesTheDriverQuotes() {
        SqlTransactions transactions = transactionsOnFreshDatabase("redaction");
        transactions.inTransaction("insert MRN", c -> c.createStatement().executeUpdate("INSERT INTO token VALUES ('MRN-0042')"));

        StoreFailureException failure = assertThrows(StoreFailureException.class, () -> transactions.inTransaction("insert MRN again",
                c -> c.createStatement().executeUpdate("INSERT INTO token VALUES ('MRN-0042')")));

        assertTrue(failure.getMessage().contains("insert MRN again"));
        assertTrue(failure.getMessage().contains("SQLState 23505"));
        assertFalse(failure.getMessage().contains("MRN-0042"));
        assertEquals(500, failure.getStatusCode());
    }

    @Test
    void failedWorkIsRolledBack() {
        SqlTransactions transactions = transactionsOnFreshDatabase("rollback");

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction("insert then fail", c -> {
            c.createStatement().executeUpdate("INSERT INTO token VALUES ('MRN-0043')");
            throw new IllegalStateException("work failed after its insert");
        }));

        int rows = transactions.read("count", c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM token");
                 ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        });
        assertEquals(0, rows);
    }
}
