package org.medrelay.processors.review;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Who is releasing an approved item right now: a lease in the store, taken before a release and dropped after
 * it. The approving request and the retry timer, or two engines on one store, would otherwise both send the
 * same draft. A crashed engine's lease runs out, and the item is retried.
 */
public class ReleaseClaims {

    private final DataSource dataSource;
    private final Duration lease;

    /** @param lease longer than a release takes ({@code medrelay.work-items.release-lease-ms}) */
    public ReleaseClaims(DataSource dataSource, Duration lease) {
        this.dataSource = dataSource;
        this.lease = lease;
    }

    /** @return true if this caller may release the item now; false if it is not APPROVED or someone else is on it */
    public boolean claim(long id, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update work_item set release_claimed_until = ?"
                     + " where id = ? and status = ? and (release_claimed_until is null or release_claimed_until < ?)")) {
            update.setTimestamp(1, SqlChanges.timestamp(now.plus(lease)));
            update.setLong(2, id);
            update.setString(3, WorkItemStatus.APPROVED.name());
            update.setTimestamp(4, SqlChanges.timestamp(now));
            return update.executeUpdate() == 1;
        }
    }

    public void release(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update work_item set release_claimed_until = null where id = ?")) {
            update.setLong(1, id);
            update.executeUpdate();
        }
    }
}
