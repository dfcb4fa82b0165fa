package org.medrelay.processors.referral;

import org.medrelay.processors.review.PatientRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The referral loops in the store ({@code referral_loop}, V15). Every change is a conditional update on the state it
 * was read in, so two engines (or a message and a person) moving the same loop never both win.
 */
public final class ReferralLoops {

    public static final String OUTBOUND = "outbound";
    private static final String COLUMNS = "id, referral_id, patient_key, patient_reference, service_request, specialty, stage,"
            + " stage_at, follow_ups_sent, next_follow_up, alerted_at, opened_at";
    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource store;

    public ReferralLoops(DataSource store) {
        this.store = store;
    }

    /** @return the new loop, or empty when this referral is already tracked (a resent message) */
    public Optional<ReferralLoop> open(String referralId, PatientRef patient, String serviceRequest, String specialty,
                                       Instant now, Instant nextFollowUp) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("insert into referral_loop (referral_id, direction, patient_key,"
                     + " patient_reference, service_request, specialty, stage, stage_at, follow_ups_sent, next_follow_up,"
                     + " opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            s.setString(1, referralId);
            s.setString(2, OUTBOUND);
            s.setString(3, patient.pseudonymKey());
            s.setString(4, patient.reference());
            s.setString(5, serviceRequest);
            s.setString(6, specialty);
            s.setString(7, ReferralStage.SENT.code());
            s.setTimestamp(8, Timestamp.from(now));
            s.setTimestamp(9, Timestamp.from(nextFollowUp));
            s.setTimestamp(10, Timestamp.from(now));
            s.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
        return find(referralId);
    }

    public Optional<ReferralLoop> find(String referralId) throws SQLException {
        return select("direction = ? and referral_id = ?", OUTBOUND, referralId).stream().findFirst();
    }

    /** Loops not closed, oldest first. */
    public List<ReferralLoop> open() throws SQLException {
        return select("closed_at is null order by opened_at, id");
    }

    /** Open loops whose next follow-up (or stall alert) is due. */
    public List<ReferralLoop> due(Instant now) throws SQLException {
        return select("closed_at is null and next_follow_up is not null and next_follow_up <= ? order by next_follow_up, id",
                Timestamp.from(now));
    }

    /**
     * Moves a loop on to a later stage: follow-ups start again from that stage; the last stage closes it.
     *
     * @param nextFollowUp null when the stage closes the loop
     * @return false when the loop was not at {@code from} any more (moved meanwhile)
     */
    public boolean advance(ReferralLoop loop, ReferralStage to, Instant now, Instant nextFollowUp) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("update referral_loop set stage = ?, stage_at = ?, follow_ups_sent = 0,"
                     + " next_follow_up = ?, alerted_at = null, closed_at = ? where id = ? and stage = ? and closed_at is null")) {
            s.setString(1, to.code());
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, nextFollowUp == null ? null : Timestamp.from(nextFollowUp));
            s.setTimestamp(4, to.closes() ? Timestamp.from(now) : null);
            s.setLong(5, loop.id());
            s.setString(6, loop.stage().code());
            return s.executeUpdate() == 1;
        }
    }

    /** Claims the loop's due follow-up: false when another engine took it first or the loop moved. */
    public boolean followedUp(ReferralLoop loop, Instant nextFollowUp) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("update referral_loop set follow_ups_sent = follow_ups_sent + 1,"
                     + " next_follow_up = ? where id = ? and stage = ? and follow_ups_sent = ? and closed_at is null")) {
            s.setTimestamp(1, Timestamp.from(nextFollowUp));
            s.setLong(2, loop.id());
            s.setString(3, loop.stage().code());
            s.setInt(4, loop.followUpsSent());
            return s.executeUpdate() == 1;
        }
    }

    /** Claims the loop's stall alert: no more follow-ups until it moves on. */
    public boolean alerted(ReferralLoop loop, Instant now) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("update referral_loop set alerted_at = ?, next_follow_up = null"
                     + " where id = ? and stage = ? and follow_ups_sent = ? and alerted_at is null and closed_at is null")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, loop.id());
            s.setString(3, loop.stage().code());
            s.setInt(4, loop.followUpsSent());
            return s.executeUpdate() == 1;
        }
    }

    private List<ReferralLoop> select(String where, Object... parameters) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from referral_loop where " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<ReferralLoop> loops = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    loops.add(new ReferralLoop(r.getLong(1), r.getString(2), new PatientRef(r.getString(4), r.getString(3)),
                            r.getString(5), r.getString(6), ReferralStage.of(r.getString(7)).orElseThrow(),
                            instant(r.getTimestamp(8)), r.getInt(9), instant(r.getTimestamp(10)), instant(r.getTimestamp(11)),
                            instant(r.getTimestamp(12))));
                }
            }
            return loops;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
