package org.medrelay.processors.priorauth.followup;

import org.medrelay.processors.testing.TestStores;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The deadline monitor on PostgreSQL, in a schema of its own; skipped, saying so, where none runs. */
class PostgresPriorAuthDeadlineMonitorTest extends PriorAuthDeadlineMonitorTest {

    private TestStores.PostgresSchemaStore schema;

    @Override
    DataSource openStore() throws SQLException {
        schema = TestStores.postgresSchemaStore("medrelay_padl", "PostgreSQL prior-auth deadline monitor test");
        return schema.dataSource();
    }

    @Override
    void closeStore(DataSource dataSource) throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
