package org.medrelay.sandbox.fhir;

import org.medrelay.sandbox.fhir.SearchCriteria.DateMatch;
import org.medrelay.sandbox.fhir.SearchCriteria.IdentifierMatch;
import org.medrelay.sandbox.fhir.SearchCriteria.ReferenceMatch;
import org.medrelay.sandbox.fhir.SearchCriteria.StringMatch;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Finds the ids of the live resources of a type that match {@link SearchCriteria}, oldest update first
 * (then by id), so pages of one search are stable.
 */
final class ResourceSearch {

    /** Where-clause text with its bind values in order. */
    private static final class Query {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> values = new ArrayList<>();

        Query append(String text, Object... bindValues) {
            sql.append(text);
            values.addAll(List.of(bindValues));
            return this;
        }
    }

    /**
     * @param limit at most this many ids; a conditional write asks for two to tell "one" from "several"
     */
    List<String> matchingIds(Connection connection, String type, SearchCriteria criteria, int limit) throws SQLException {
        Query query = new Query().append(
                "SELECT r.resource_id FROM fhir_resource r WHERE r.resource_type = ? AND r.deleted = FALSE", type);
        for (List<String> ids : criteria.ids()) {
            query.append(" AND r.resource_id IN (").append(placeholders(ids.size()), ids.toArray()).append(")");
        }
        for (List<IdentifierMatch> group : criteria.identifiers()) {
            appendIdentifierGroup(query, group);
        }
        for (Map.Entry<String, List<List<ReferenceMatch>>> parameter : criteria.references().entrySet()) {
            for (List<ReferenceMatch> group : parameter.getValue()) {
                appendReferenceGroup(query, parameter.getKey(), group);
            }
        }
        for (Map.Entry<String, List<List<StringMatch>>> parameter : criteria.strings().entrySet()) {
            for (List<StringMatch> group : parameter.getValue()) {
                appendStringGroup(query, parameter.getKey(), group);
            }
        }
        for (Map.Entry<String, List<List<DateMatch>>> parameter : criteria.dates().entrySet()) {
            for (List<DateMatch> group : parameter.getValue()) {
                appendDateGroup(query, parameter.getKey(), group);
            }
        }
        if (criteria.updatedFrom() != null) {
            query.append(" AND r.last_updated >= ?", ResourceVersionTable.timestamp(criteria.updatedFrom()));
        }
        if (criteria.updatedTo() != null) {
            query.append(" AND r.last_updated <= ?", ResourceVersionTable.timestamp(criteria.updatedTo()));
        }
        query.append(" ORDER BY r.last_updated, r.resource_id FETCH FIRST ? ROWS ONLY", limit);
        return run(connection, query);
    }

    private static void appendIdentifierGroup(Query query, List<IdentifierMatch> group) {
        query.append(" AND EXISTS (SELECT 1 FROM fhir_identifier_index i WHERE i.resource_type = r.resource_type"
                + " AND i.resource_id = r.resource_id AND (");
        for (int i = 0; i < group.size(); i++) {
            IdentifierMatch match = group.get(i);
            query.append(i == 0 ? "(" : " OR (");
            if (match.value() != null) {
                query.append("i.identifier_value = ?", match.value());
            }
            if (match.system() != null) {
                query.append(match.value() != null ? " AND " : "").append("i.identifier_system = ?", match.system());
            }
            query.append(")");
        }
        query.append("))");
    }

    private static void appendReferenceGroup(Query query, String parameter, List<ReferenceMatch> group) {
        query.append(" AND EXISTS (SELECT 1 FROM fhir_reference_index x WHERE x.resource_type = r.resource_type"
                + " AND x.resource_id = r.resource_id AND x.param_name = ? AND (", parameter);
        for (int i = 0; i < group.size(); i++) {
            ReferenceMatch match = group.get(i);
            query.append(i == 0 ? "(" : " OR (").append("x.target_id = ?", match.targetId());
            if (match.targetType() != null) {
                query.append(" AND x.target_type = ?", match.targetType());
            }
            query.append(")");
        }
        query.append("))");
    }

    private static void appendStringGroup(Query query, String parameter, List<StringMatch> group) {
        query.append(" AND EXISTS (SELECT 1 FROM fhir_string_index s WHERE s.resource_type = r.resource_type"
                + " AND s.resource_id = r.resource_id AND s.param_name = ? AND (", parameter);
        for (int i = 0; i < group.size(); i++) {
            StringMatch match = group.get(i);
            query.append(i == 0 ? "(" : " OR (");
            if (match.exact()) {
                query.append("s.exact_value = ?", match.value());
            } else {
                query.append("s.normalized_value LIKE ? ESCAPE '\\'",
                        SearchText.startsWithPattern(SearchText.normalize(match.value())));
            }
            query.append(")");
        }
        query.append("))");
    }

    /** See {@link DateMatch} for what each prefix compares; a resource's date is its first..last day. */
    private static void appendDateGroup(Query query, String parameter, List<DateMatch> group) {
        query.append(" AND EXISTS (SELECT 1 FROM fhir_date_index d WHERE d.resource_type = r.resource_type"
                + " AND d.resource_id = r.resource_id AND d.param_name = ? AND (", parameter);
        for (int i = 0; i < group.size(); i++) {
            DateMatch match = group.get(i);
            Date first = Date.valueOf(match.firstDay());
            Date last = Date.valueOf(match.lastDay());
            query.append(i == 0 ? "(" : " OR (");
            switch (match.prefix()) {
                case EQUAL -> query.append("d.first_day >= ? AND d.last_day <= ?", first, last);
                case GREATERTHAN_OR_EQUALS -> query.append("d.last_day >= ?", first);
                case GREATERTHAN -> query.append("d.last_day > ?", last);
                case LESSTHAN_OR_EQUALS -> query.append("d.first_day <= ?", last);
                case LESSTHAN -> query.append("d.first_day < ?", first);
                default -> throw new IllegalArgumentException("Unsupported date prefix " + match.prefix());
            }
            query.append(")");
        }
        query.append("))");
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<String> run(Connection connection, Query query) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(query.sql.toString())) {
            for (int i = 0; i < query.values.size(); i++) {
                select.setObject(i + 1, query.values.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        }
        return ids;
    }
}
