package org.medrelay.processors.noshow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The appointment events no-show metrics are counted from ({@code appointment_event}, V10), one per appointment and
 * event: a resent message is counted once.
 */
public final class AppointmentEvents {

    public static final String BOOKED = "BOOKED";
    public static final String NO_SHOW = "NO_SHOW";
    public static final String CANCELLED = "CANCELLED";

    private final DataSource store;

    public AppointmentEvents(DataSource store) {
        this.store = store;
    }

    public boolean recorded(String appointmentKey, String event) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from appointment_event where appointment_key = ? and event = ?")) {
            s.setString(1, appointmentKey);
            s.setString(2, event);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** @return false when this appointment's event was already recorded (a resend, a replay) */
    public boolean record(String appointmentKey, String event, ScheduledVisit visit, Instant now) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from appointment_event where appointment_key = ? and event = ?")) {
            exists.setString(1, appointmentKey);
            exists.setString(2, event);
            try (ResultSet r = exists.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into appointment_event (appointment_key, event, provider_id,"
                    + " visit_type, slot_start, recorded_at) values (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, appointmentKey);
                s.setString(2, event);
                s.setString(3, visit.providerId());
                s.setString(4, visit.visitType());
                s.setTimestamp(5, Timestamp.from(visit.start()));
                s.setTimestamp(6, Timestamp.from(now));
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false; // another thread recorded it between the check and the insert (unique constraint)
                }
                throw e;
            }
        }
    }

    public void offered(String appointmentKey, String event, long entryId) throws SQLException {
        update("update appointment_event set offered_entry_id = ? where appointment_key = ? and event = ?",
                entryId, appointmentKey, event);
    }

    /** The slot offered to this waitlist entry was taken by its patient. */
    public void refilled(long entryId, Instant now) throws SQLException {
        update("update appointment_event set refilled_at = ? where offered_entry_id = ? and refilled_at is null",
                Timestamp.from(now), entryId);
    }

    public List<NoShowMetric> metrics() throws SQLException {
        String sql = "select provider_id, visit_type, count(distinct appointment_key),"
                + " sum(case when event = 'NO_SHOW' then 1 else 0 end), sum(case when event = 'CANCELLED' then 1 else 0 end),"
                + " sum(case when offered_entry_id is not null then 1 else 0 end), sum(case when refilled_at is not null then 1 else 0 end)"
                + " from appointment_event group by provider_id, visit_type order by provider_id, visit_type";
        List<NoShowMetric> metrics = new ArrayList<>();
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long appointments = r.getLong(3);
                long noShows = r.getLong(4);
                long cancellations = r.getLong(5);
                metrics.add(new NoShowMetric(r.getString(1), r.getString(2), appointments, noShows, cancellations,
                        appointments == 0 ? 0.0 : (double) noShows / appointments, noShows + cancellations, r.getLong(6), r.getLong(7)));
            }
        }
        return metrics;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
