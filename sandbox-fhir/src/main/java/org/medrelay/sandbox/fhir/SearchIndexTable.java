package org.medrelay.sandbox.fhir;

import org.medrelay.sandbox.fhir.SearchIndex.IdentifierToken;
import org.medrelay.sandbox.fhir.SearchIndex.ReferenceTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** SQL for the index tables, which always describe a resource's current version (none once deleted). */
final class SearchIndexTable {

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
    }

    void clear(Connection connection, String type, String id) throws SQLException {
        for (String table : new String[] {"fhir_identifier_index", "fhir_reference_index"}) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE resource_type = ? AND resource_id = ?")) {
                delete.setString(1, type);
                delete.setString(2, id);
                delete.executeUpdate();
            }
        }
    }
}
