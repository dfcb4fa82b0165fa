package org.medrelay.processors.noshow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The waitlist in the store ({@code waitlist_entry}, V10): patients waiting for an earlier slot of a visit type with a
 * provider. An offer takes the entry from WAITING to OFFERED with a conditional update, so two engines freeing slots
 * at once never offer the same patient two slots.
 */
public final class Waitlist {

    public static final String WAITING = "WAITING";
    public static final String OFFERED = "OFFERED";
    public static final String BOOKED = "BOOKED";
    private static final String COLUMNS = "id, patient_key, patient_reference, provider_id, visit_type, wanted_before, status, "
            + "added_at, offered_at, offered_slot_start";

    private final DataSource store;

    public Waitlist(DataSource store) {
        this.store = store;
    }

    public long add(String patientKey, String patientReference, String providerId, String visitType, Instant wantedBefore,
                    String addedBy, Instant now) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("insert into waitlist_entry (patient_key, patient_reference, provider_id,"
                     + " visit_type, wanted_before, status, added_at, added_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, patientKey);
            s.setString(2, patientReference);
            s.setString(3, providerId);
            s.setString(4, visitType);
            s.setTimestamp(5, wantedBefore == null ? null : Timestamp.from(wantedBefore));
            s.setString(6, WAITING);
            s.setTimestamp(7, Timestamp.from(now));
            s.setString(8, addedBy);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Everyone not yet booked, longest waiting first. */
    public List<WaitlistEntry> open() throws SQLException {
        return select("status in ('WAITING', 'OFFERED') order by added_at, id");
    }

    /**
     * The longest-waiting patient of that provider and visit type who wants a slot before the one they have (or named
     * no date), other than the patient who freed it.
     */
    public Optional<WaitlistEntry> firstMatch(ScheduledVisit slot, String freedByPatientKey) throws SQLException {
        return select("status = 'WAITING' and provider_id = ? and visit_type = ?"
                        + " and (wanted_before is null or wanted_before > ?) and patient_key <> ? order by added_at, id",
                slot.providerId(), slot.visitType(), Timestamp.from(slot.start()), freedByPatientKey).stream().findFirst();
    }

    /** @return false when the entry is no longer WAITING (another engine offered it a slot first) */
    public boolean markOffered(long entryId, ScheduledVisit slot, String slotKey, Instant now) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("update waitlist_entry set status = 'OFFERED', offered_at = ?,"
                     + " offered_slot_start = ?, slot_key = ? where id = ? and status = 'WAITING'")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(slot.start()));
            s.setString(3, slotKey);
            s.setLong(4, entryId);
            return s.executeUpdate() == 1;
        }
    }

    /** A booking (SIU S12) of a patient who was offered a slot with that provider and visit type: the offer worked. */
    public Optional<WaitlistEntry> booked(String patientKey, String providerId, String visitType, Instant now) throws SQLException {
        List<WaitlistEntry> offered = select("status = 'OFFERED' and patient_key = ? and provider_id = ? and visit_type = ?"
                + " order by offered_at, id", patientKey, providerId, visitType);
        for (WaitlistEntry entry : offered) {
            try (Connection c = store.getConnection();
                 PreparedStatement s = c.prepareStatement("update waitlist_entry set status = 'BOOKED', booked_at = ?"
                         + " where id = ? and status = 'OFFERED'")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setLong(2, entry.id());
                if (s.executeUpdate() == 1) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private List<WaitlistEntry> select(String where, Object... parameters) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from waitlist_entry where " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<WaitlistEntry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new WaitlistEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            instant(r.getTimestamp(6)), r.getString(7), instant(r.getTimestamp(8)), instant(r.getTimestamp(9)),
                            instant(r.getTimestamp(10))));
                }
            }
            return entries;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
