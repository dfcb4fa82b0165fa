package org.medrelay.sandbox.fhir;

import org.medrelay.sandbox.fhir.SearchIndex.DateSpan;
import org.medrelay.sandbox.fhir.SearchIndex.IdentifierToken;
import org.medrelay.sandbox.fhir.SearchIndex.ReferenceTarget;
import org.medrelay.sandbox.fhir.SearchIndex.StringValue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** SQL for the index tables, which always describe a resource's current version (none once deleted). */
final class SearchIndexTable {

    private static final String[] TABLES = {"fhir_identifier_index", "fhir_reference_index", "fhir_string_index",
            "fhir_date_index"};

    void replace(Connection connection, String type, String id, SearchIndex index) throws SQLException {
        clear(connection, type, id);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fhir_identifier_index"
                + " (resource_type, resource_id, identifier_system, identifier_value) VALUES (?, ?, ?, ?)")) {
            for (IdentifierToken token : index.identifiers()) {
                insert.setString(1, type);
                insert.setString(2, id);
                insert.setString(3, token.system());
                insert.setString(4, token.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fhir_reference_index"
                + " (resource_type, resource_id, param_name, target_type, target_id) VALUES (?, ?, ?, ?, ?)")) {
            for (ReferenceTarget target : index.references()) {
                insert.setString(1, type);
                insert.setString(2, id);
                insert.setString(3, target.parameter());
                insert.setString(4, target.targetType());
                insert.setString(5, target.targetId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fhir_string_index"
                + " (resource_type, resource_id, param_name, normalized_value, exact_value) VALUES (?, ?, ?, ?, ?)")) {
            for (StringValue value : index.strings()) {
                insert.setString(1, type);
                insert.setString(2, id);
                insert.setString(3, value.parameter());
                insert.setString(4, value.normalized());
                insert.setString(5, value.exact());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fhir_date_index"
                + " (resource_type, resource_id, param_name, first_day, last_day) VALUES (?, ?, ?, ?, ?)")) {
            for (DateSpan span : index.dates()) {
                insert.setString(1, type);
                insert.setString(2, id);
                insert.setString(3, span.parameter());
                insert.setDate(4, Date.valueOf(span.firstDay()));
                insert.setDate(5, Date.valueOf(span.lastDay()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void clear(Connection connection, String type, String id) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE resource_type = ? AND resource_id = ?")) {
                delete.setString(1, type);
                delete.setString(2, id);
                delete.executeUpdate();
            }
        }
    }
}
