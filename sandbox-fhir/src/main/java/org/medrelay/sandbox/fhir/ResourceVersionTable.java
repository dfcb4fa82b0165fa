package org.medrelay.sandbox.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** SQL for fhir_resource (current version per resource) and fhir_resource_version (every version). */
final class ResourceVersionTable {

    /** The current version of a resource, without its content. */
    record CurrentVersion(long versionId, boolean deleted) {
    }

    private static final String SELECT_VERSION =
            "SELECT v.resource_type, v.resource_id, v.version_id, v.last_updated, v.resource_json FROM fhir_resource_version v ";

    Optional<CurrentVersion> findCurrent(Connection connection, String type, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version_id, deleted FROM fhir_resource WHERE resource_type = ? AND resource_id = ?")) {
            select.setString(1, type);
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new CurrentVersion(row.getLong(1), row.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** Writes a new version and makes it current; {@code json} null records a deletion. */
    void write(Connection connection, StoredVersion version, boolean firstVersion) throws SQLException {
        String sql = firstVersion
                ? "INSERT INTO fhir_resource (version_id, last_updated, deleted, resource_type, resource_id) VALUES (?, ?, ?, ?, ?)"
                : "UPDATE fhir_resource SET version_id = ?, last_updated = ?, deleted = ? WHERE resource_type = ? AND resource_id = ?";
        try (PreparedStatement current = connection.prepareStatement(sql)) {
            current.setLong(1, version.versionId());
            current.setObject(2, timestamp(version.lastUpdated()));
            current.setBoolean(3, version.isDeletion());
            current.setString(4, version.resourceType());
            current.setString(5, version.resourceId());
            current.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fhir_resource_version"
                + " (resource_type, resource_id, version_id, last_updated, resource_json) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, version.resourceType());
            insert.setString(2, version.resourceId());
            insert.setLong(3, version.versionId());
            insert.setObject(4, timestamp(version.lastUpdated()));
            if (version.json() == null) {
                insert.setNull(5, Types.CLOB);
            } else {
                insert.setString(5, version.json());
            }
            insert.executeUpdate();
        }
    }

    Optional<StoredVersion> readCurrent(Connection connection, String type, String id) throws SQLException {
        List<StoredVersion> found = readCurrent(connection, type, List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The current versions of the given resources, deletions included, in no particular order. */
    List<StoredVersion> readCurrent(Connection connection, String type, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(SELECT_VERSION
                + "JOIN fhir_resource r ON r.resource_type = v.resource_type AND r.resource_id = v.resource_id"
                + " AND r.version_id = v.version_id WHERE r.resource_type = ? AND r.resource_id IN (" + placeholders + ")")) {
            select.setString(1, type);
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 2, ids.get(i));
            }
            return versions(select);
        }
    }

    Optional<StoredVersion> readVersion(Connection connection, String type, String id, long versionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_VERSION
                + "WHERE v.resource_type = ? AND v.resource_id = ? AND v.version_id = ?")) {
            select.setString(1, type);
            select.setString(2, id);
            select.setLong(3, versionId);
            List<StoredVersion> found = versions(select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Every version, newest first. */
    List<StoredVersion> readHistory(Connection connection, String type, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_VERSION
                + "WHERE v.resource_type = ? AND v.resource_id = ? ORDER BY v.version_id DESC")) {
            select.setString(1, type);
            select.setString(2, id);
            return versions(select);
        }
    }

    private static List<StoredVersion> versions(PreparedStatement select) throws SQLException {
        List<StoredVersion> versions = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                versions.add(new StoredVersion(row.getString(1), row.getString(2), row.getLong(3),
                        row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5)));
            }
        }
        return versions;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
