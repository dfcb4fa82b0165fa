package org.medrelay.processors.eligibility;

import org.medrelay.processors.crypto.PayloadCipher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.SecureRandom;

/**
 * The eligibility_request table (V6): checks recorded by the triggers, taken by the batch when due, found again by
 * the TRN02 of their 271. Never two counting checks for one patient, payer and date of service: the unique
 * dedup_key decides, even between threads or engines; a check superseded or asked again has its key set aside.
 */
public class EligibilityRequests {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, trace_number, status, coverage_key, payload, interchange_control_number,"
            + " transaction_control_number, visit_cancelled_at";
    private final DataSource store;
    private final EligibilityCheckPayload payloads;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EligibilityRequests(DataSource store, PayloadCipher cipher, Clock clock) {
        this.store = store;
        this.payloads = new EligibilityCheckPayload(cipher);
        this.clock = clock;
    }

    /**
     * Records a check unless one already counts for its patient, payer and date with the same coverage. An earlier
     * check of the same appointment for another date or coverage (the visit moved, the coverage changed) is
     * superseded, and so is one for the same date with another coverage or when the check is asked again.
     *
     * @param coverageKey keyed hash of the payer and member id
     * @return the request recorded, or empty when an equal check already counts
     */
    public Optional<StoredRequest> schedule(EligibilityCheck check, String coverageKey) throws SQLException {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<StoredRequest> recorded = schedule(c, check, coverageKey);
                c.commit();
                return recorded;
            } catch (SQLException e) {
                c.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return Optional.empty(); // another thread recorded the same check first
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Optional<StoredRequest> schedule(Connection c, EligibilityCheck check, String coverageKey) throws SQLException {
        if (check.appointmentKey() != null) {
            for (StoredRequest earlier : select(c, "appointment_key = ? and dedup_key not like '%#%'", check.appointmentKey())) {
                boolean same = earlier.check().dedupKey().equals(check.dedupKey()) && earlier.coverageKey().equals(coverageKey);
                if (!same) {
                    setAside(c, earlier);
                }
            }
        }
        for (StoredRequest counting : select(c, "dedup_key = ?", check.dedupKey())) {
            if (counting.coverageKey().equals(coverageKey) && !check.askedAgain()) {
                if (counting.visitCancelled()) {
                    reinstate(c, counting); // the visit was booked again for the date its 270 already asked about
                }
                return Optional.empty();
            }
            setAside(c, counting);
        }
        return Optional.of(insert(c, check, coverageKey));
    }

    /** The check no longer counts: its key is set aside, and if not yet sent it will not be. */
    private void setAside(Connection c, StoredRequest request) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update eligibility_request set dedup_key = ?, status = case when status = 'DUE'"
                + " then 'SUPERSEDED' else status end, updated_at = ? where id = ?")) {
            s.setString(1, request.check().dedupKey() + "#" + request.id());
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            s.setLong(3, request.id());
            s.executeUpdate();
        }
    }

    private void reinstate(Connection c, StoredRequest request) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update eligibility_request set visit_cancelled_at = null, updated_at = ?"
                + " where id = ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setLong(2, request.id());
            s.executeUpdate();
        }
    }

    /**
     * The appointment was cancelled (or the patient did not come): its check not yet sent is CANCELLED and its key set
     * aside, so it is never sent and a visit booked again for that date is checked; one already sent keeps its place
     * and is marked, so its 271 is still written to the EHR but raises no gap item.
     *
     * @param appointmentKey keyed hash of the appointment's id
     * @return the requests cancelled or marked
     */
    public List<StoredRequest> cancelVisit(String appointmentKey) throws SQLException {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<StoredRequest> affected = select(c, "appointment_key = ? and dedup_key not like '%#%'"
                        + " and status in ('DUE', 'SENT') and visit_cancelled_at is null", appointmentKey);
                Timestamp now = Timestamp.from(clock.instant());
                for (StoredRequest request : affected) {
                    try (PreparedStatement s = c.prepareStatement(request.status() == RequestStatus.DUE
                            ? "update eligibility_request set status = 'CANCELLED', dedup_key = ?, updated_at = ? where id = ? and status = 'DUE'"
                            : "update eligibility_request set visit_cancelled_at = ?, updated_at = ? where id = ?")) {
                        if (request.status() == RequestStatus.DUE) {
                            s.setString(1, request.check().dedupKey() + "#" + request.id());
                        } else {
                            s.setTimestamp(1, now);
                        }
                        s.setTimestamp(2, now);
                        s.setLong(3, request.id());
                        s.executeUpdate();
                    }
                }
                c.commit();
                return affected;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private StoredRequest insert(Connection c, EligibilityCheck check, String coverageKey) throws SQLException {
        String trace = newTraceNumber();
        Instant now = clock.instant();
        try (PreparedStatement s = c.prepareStatement("insert into eligibility_request (trace_number, dedup_key, patient_key, payer_id,"
                + " service_date, appointment_key, coverage_key, source_message_key, status, due_at, payload, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 'DUE', ?, ?, ?, ?)", new String[]{"id"})) {
            s.setString(1, trace);
            s.setString(2, check.dedupKey());
            s.setString(3, check.patientKey());
            s.setString(4, check.payer().id());
            s.setDate(5, Date.valueOf(check.visit().date()));
            s.setString(6, check.appointmentKey());
            s.setString(7, coverageKey);
            s.setString(8, check.sourceMessageKey());
            s.setTimestamp(9, Timestamp.from(check.dueAt()));
            s.setBytes(10, payloads.seal(check, trace));
            s.setTimestamp(11, Timestamp.from(now));
            s.setTimestamp(12, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new StoredRequest(keys.getLong(1), trace, RequestStatus.DUE, coverageKey, check, null, null, false);
            }
        }
    }

    /** TRN02: 'E' and 19 random hex digits; unique by the table's constraint, and says nothing about the patient. */
    private String newTraceNumber() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return "E" + HexFormat.of().withUpperCase().formatHex(bytes).substring(0, 19);
    }

    /** Checks due by {@code now}, oldest first. */
    public List<StoredRequest> due(Instant now, int limit) throws SQLException {
        try (Connection c = store.getConnection()) {
            List<StoredRequest> due = select(c, "status = 'DUE' and due_at <= ? order by due_at, id", Timestamp.from(now));
            return due.size() > limit ? due.subList(0, limit) : due;
        }
    }

    /**
     * Checks due by {@code now} for the payers a clearinghouse serves, oldest first: {@code payers} only, or with
     * {@code exclude} every payer but those (the default clearinghouse's: all not routed elsewhere).
     */
    public List<StoredRequest> due(Instant now, int limit, java.util.Set<String> payers, boolean exclude) throws SQLException {
        if (payers.isEmpty()) {
            return exclude ? due(now, limit) : List.of();
        }
        List<Object> values = new ArrayList<>();
        values.add(Timestamp.from(now));
        values.addAll(payers);
        String marks = String.join(", ", java.util.Collections.nCopies(payers.size(), "?"));
        try (Connection c = store.getConnection()) {
            List<StoredRequest> due = select(c, "status = 'DUE' and due_at <= ? and payer_id " + (exclude ? "not in (" : "in (") + marks
                    + ") order by due_at, id", values.toArray());
            return due.size() > limit ? due.subList(0, limit) : due;
        }
    }

    /** The patient's counting checks for visits on or after {@code from} (not superseded, set aside nor cancelled). */
    public List<StoredRequest> upcoming(String patientKey, java.time.LocalDate from) throws SQLException {
        try (Connection c = store.getConnection()) {
            return select(c, "patient_key = ? and service_date >= ? and dedup_key not like '%#%' and status <> 'SUPERSEDED'"
                    + " and visit_cancelled_at is null"
                    + " order by service_date, id", patientKey, Date.valueOf(from));
        }
    }

    /** The request with this id while it counts for its patient, payer and date (not superseded, set aside nor cancelled). */
    public Optional<StoredRequest> counting(long id) throws SQLException {
        try (Connection c = store.getConnection()) {
            return select(c, "id = ? and dedup_key not like '%#%'", id).stream().findFirst();
        }
    }

    /** The counting request whose 271 was written to the EHR as this resource (e.g. CoverageEligibilityResponse/12). */
    public Optional<StoredRequest> byResponse(String responseReference) throws SQLException {
        try (Connection c = store.getConnection()) {
            return select(c, "response_reference = ? and dedup_key not like '%#%' order by id desc", responseReference)
                    .stream().findFirst();
        }
    }

    public Optional<StoredRequest> byTrace(String traceNumber) throws SQLException {
        try (Connection c = store.getConnection()) {
            return select(c, "trace_number = ?", traceNumber).stream().findFirst();
        }
    }

    /** The requests sent in the 270 interchange with this ISA13 (what a TA1 or 999 answers). */
    public List<StoredRequest> byInterchange(String interchangeControlNumber) throws SQLException {
        try (Connection c = store.getConnection()) {
            return select(c, "interchange_control_number = ? and status = 'SENT'", interchangeControlNumber);
        }
    }

    /** The request went out in this file, in the 270 with these ISA13, GS06 and ST02. */
    public void sent(long id, SentEnvelope envelope, String batchFile) throws SQLException {
        update("update eligibility_request set status = 'SENT', interchange_control_number = ?, group_control_number = ?,"
                + " transaction_control_number = ?, batch_file = ?, sent_at = ?, updated_at = ? where id = ? and status = 'DUE'",
                envelope.interchange(), envelope.group(), envelope.transactionSet(), batchFile, now(), now(), id);
    }

    /** The requests sent in the functional group with this GS06 (what a 999's AK102 names). */
    public List<StoredRequest> byGroup(String groupControlNumber) throws SQLException {
        try (Connection c = store.getConnection()) {
            return select(c, "group_control_number = ? and status = 'SENT'", groupControlNumber);
        }
    }

    public void answered(long id, String responseReference, String outcome) throws SQLException {
        update("update eligibility_request set status = 'ANSWERED', response_reference = ?, outcome = ?, answered_at = ?,"
                + " updated_at = ? where id = ?", responseReference, cap(outcome), now(), now(), id);
    }

    /** REJECTED or QUARANTINED, with why (codes, never content). */
    public void failed(long id, RequestStatus status, String outcome) throws SQLException {
        update("update eligibility_request set status = ?, outcome = ?, updated_at = ? where id = ?", status.name(), cap(outcome), now(), id);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String cap(String outcome) {
        return outcome == null || outcome.length() <= 400 ? outcome : outcome.substring(0, 400);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private List<StoredRequest> select(Connection c, String where, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from eligibility_request where " + where)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<StoredRequest> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String trace = rs.getString("trace_number");
                    rows.add(new StoredRequest(rs.getLong("id"), trace, RequestStatus.valueOf(rs.getString("status")),
                            rs.getString("coverage_key"), payloads.open(rs.getBytes("payload"), trace),
                            rs.getString("interchange_control_number"), rs.getString("transaction_control_number"),
                            rs.getTimestamp("visit_cancelled_at") != null));
                }
            }
            return rows;
        }
    }

    /** For tests and the console: how many requests are in this status. */
    public int count(RequestStatus status) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from eligibility_request where status = ?")) {
            s.setString(1, status.name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

}
