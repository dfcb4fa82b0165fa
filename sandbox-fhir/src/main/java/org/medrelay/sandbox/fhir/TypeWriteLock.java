package org.medrelay.sandbox.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Serialises the writes of one resource type, so that a conditional create or update can search and then
 * write as one atomic step.
 *
 * <p>Why a lock row per type rather than a unique constraint on (type, identifier system, value): FHIR lets
 * several resources share an identifier (a conditional update must answer 412 when it finds several), and a
 * conditional URL may combine any supported search parameters, so no constraint can say "at most one match".
 * Instead every write of a type first locks that type's row in {@code fhir_type_write_lock}
 * ({@code SELECT ... FOR UPDATE}) and holds it until commit. The match query of a conditional write therefore
 * runs after every earlier write of the type has committed and before any later one starts: eight clients
 * racing the same conditional update leave one resource at version 8. Plain creates and updates take the lock
 * too, so one carrying the same identifier cannot slip in between a conditional write's search and its insert.
 *
 * <p>The lock lives in the database, so it also holds between processes sharing the H2 file through
 * AUTO_SERVER. Each transaction takes exactly one type lock, so writers cannot deadlock on them; reads take
 * none. The cost is that writes of one type run one at a time, which a sandbox EHR can afford.
 */
final class TypeWriteLock {

    /** Inserts the lock rows that are missing; run once at start-up for every type the server serves. */
    void registerTypes(Connection connection, Collection<String> resourceTypes) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT resource_type FROM fhir_type_write_lock");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                present.add(rows.getString(1));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fhir_type_write_lock (resource_type) VALUES (?)")) {
            for (String type : resourceTypes) {
                if (!present.contains(type)) {
                    insert.setString(1, type);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Blocks until this transaction holds the type's lock; commit or rollback releases it. */
    void acquire(Connection connection, String resourceType) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT resource_type FROM fhir_type_write_lock WHERE resource_type = ? FOR UPDATE")) {
            lock.setString(1, resourceType);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No write lock row for resource type " + resourceType
                            + "; the server registers one per served type at start-up");
                }
            }
        }
    }
}
