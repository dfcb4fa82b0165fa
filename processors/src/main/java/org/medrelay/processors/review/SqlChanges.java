package org.medrelay.processors.review;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns an update sets, with their values typed, so a null binds with its column's SQL type (PostgreSQL
 * refuses an untyped null for bytea) and every instant is stored to the millisecond on H2 and PostgreSQL alike.
 */
final class SqlChanges {

    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private final List<String> columns = new ArrayList<>();
    private final List<Binding> bindings = new ArrayList<>();

    SqlChanges text(String column, String value) {
        return add(column, (s, i) -> {
            if (value == null) {
                s.setNull(i, Types.VARCHAR);
            } else {
                s.setString(i, value);
            }
        });
    }

    SqlChanges bytes(String column, byte[] value) {
        return add(column, (s, i) -> {
            if (value == null) {
                s.setNull(i, Types.BINARY);
            } else {
                s.setBytes(i, value);
            }
        });
    }

    SqlChanges instant(String column, Instant value) {
        return add(column, (s, i) -> {
            if (value == null) {
                s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                s.setTimestamp(i, timestamp(value));
            }
        });
    }

    SqlChanges number(String column, long value) {
        return add(column, (s, i) -> s.setLong(i, value));
    }

    SqlChanges decimal(String column, double value) {
        return add(column, (s, i) -> s.setDouble(i, value));
    }

    /** {@code a = ?, b = ?} */
    String setClause() {
        return columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
    }

    /** {@code a, b} */
    String columnList() {
        return String.join(", ", columns);
    }

    /** {@code ?, ?} */
    String placeholders() {
        return WorkItemStore.placeholders(columns.size());
    }

    /** Binds the values from {@code firstIndex}; returns the next free index. */
    int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (Binding binding : bindings) {
            binding.bind(statement, index++);
        }
        return index;
    }

    /** Instants are kept to the millisecond: FHIR instants carry milliseconds, and H2 and PostgreSQL then agree. */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private SqlChanges add(String column, Binding binding) {
        columns.add(column);
        bindings.add(binding);
        return this;
    }
}
