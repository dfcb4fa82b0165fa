package org.medrelay.processors.eligibility;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a polled FHIR feed has been read (fhir_feed_watermark and fhir_feed_seen, V9): the newest
 * {@code meta.lastUpdated} taken in, and the resource versions taken in the last {@code overlap} before it. A poll
 * asks from {@link #readFrom} and skips what {@link #seen} names, so a version committed late with an earlier
 * timestamp is still read, and nothing is taken twice, across restarts.
 */
public class FhirFeedWatermarks {

    private final DataSource store;
    private final Duration overlap;
    private final Clock clock;

    public FhirFeedWatermarks(DataSource store, Duration overlap, Clock clock) {
        this.store = store;
        this.overlap = overlap;
        this.clock = clock;
    }

    /**
     * Where the next poll of this feed starts: the watermark less the overlap. A feed never read before starts at
     * {@code first}, which is kept as its watermark, so a restart before anything arrives does not move the start.
     */
    public Instant readFrom(String feed, Instant first) throws SQLException {
        try (Connection c = store.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select last_updated from fhir_feed_watermark where feed = ?")) {
                s.setString(1, feed);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getTimestamp(1).toInstant().minus(overlap);
                    }
                }
            }
            execute(c, "insert into fhir_feed_watermark (feed, last_updated, updated_at) values (?, ?, ?)", feed,
                    Timestamp.from(first), Timestamp.from(clock.instant()));
            return first.minus(overlap);
        }
    }

    public boolean seen(String feed, String versionKey) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from fhir_feed_seen where feed = ? and version_key = ?")) {
            s.setString(1, feed);
            s.setString(2, versionKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The version was taken in: remembered, the watermark raised to its lastUpdated, and what fell out of the overlap forgotten. */
    public void taken(String feed, String versionKey, Instant lastUpdated) throws SQLException {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                Instant watermark = raise(c, feed, lastUpdated);
                execute(c, "insert into fhir_feed_seen (feed, version_key, last_updated) values (?, ?, ?)", feed, versionKey,
                        Timestamp.from(lastUpdated));
                execute(c, "delete from fhir_feed_seen where feed = ? and last_updated < ?", feed, Timestamp.from(watermark.minus(overlap)));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Instant raise(Connection c, String feed, Instant lastUpdated) throws SQLException {
        Optional<Instant> current;
        try (PreparedStatement s = c.prepareStatement("select last_updated from fhir_feed_watermark where feed = ? for update")) {
            s.setString(1, feed);
            try (ResultSet rs = s.executeQuery()) {
                current = rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (current.isEmpty()) {
            execute(c, "insert into fhir_feed_watermark (feed, last_updated, updated_at) values (?, ?, ?)", feed,
                    Timestamp.from(lastUpdated), now);
            return lastUpdated;
        }
        if (lastUpdated.isAfter(current.get())) {
            execute(c, "update fhir_feed_watermark set last_updated = ?, updated_at = ? where feed = ?", Timestamp.from(lastUpdated), now, feed);
            return lastUpdated;
        }
        return current.get();
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
