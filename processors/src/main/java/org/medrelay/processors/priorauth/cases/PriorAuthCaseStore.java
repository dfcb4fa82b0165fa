package org.medrelay.processors.priorauth.cases;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.SubmissionChannel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prior-authorization cases in the MedRelay store (tables prior_auth_case and prior_auth_case_history, V12). Every
 * change of state is checked against {@link PriorAuthState#next()}, kept as history and audited in the same
 * transaction: if the audit entry cannot be written, the change is rolled back.
 */
public final class PriorAuthCaseStore {

    static final String INTERFACE = "priorauth";

    private final DataSource store;
    private final AuditTrail trail;
    private final DecisionDeadlines deadlines;

    public PriorAuthCaseStore(DataSource store, AuditTrail trail, DecisionDeadlines deadlines) {
        this.store = store;
        this.trail = trail;
        this.deadlines = deadlines;
    }

    /** Opens a case in draft, or returns the case this order and service already have. */
    public PriorAuthCase open(NewPriorAuthCase request, String actor, Instant now) throws SQLException {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<PriorAuthCase> existing = findByDedup(c, request.dedupKey());
                if (existing.isPresent()) {
                    c.rollback();
                    return existing.get();
                }
                long id = insert(c, request, now);
                history(c, id, null, PriorAuthState.DRAFT, actor, now, "opened by " + request.decision().rule());
                trail.append(c, List.of(event(actor, AuditAction.CREATE, now, request.patientKey(), id,
                        "prior-auth case opened (draft)")));
                c.commit();
                return find(c, id).orElseThrow();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public PriorAuthCase get(long id) throws SQLException {
        try (Connection c = store.getConnection()) {
            return find(c, id).orElseThrow(() -> new IllegalArgumentException("no prior-auth case " + id));
        }
    }

    /** Cases not yet expired or withdrawn, oldest first. */
    public List<PriorAuthCase> openCases() throws SQLException {
        return select("select * from prior_auth_case where state not in ('expired', 'withdrawn') order by id", List.of());
    }

    /** A patient's cases not yet expired or withdrawn, with one payer, oldest first. */
    public List<PriorAuthCase> openCasesOf(String patientKey, String payerId) throws SQLException {
        return select("select * from prior_auth_case where patient_key = ? and payer_id = ? and state not in ('expired', 'withdrawn')"
                + " order by id", List.of(patientKey, payerId));
    }

    public List<PriorAuthCase> inState(PriorAuthState state) throws SQLException {
        return select("select * from prior_auth_case where state = ? order by id", List.of(state.word()));
    }

    /** The case whose draft went to the clinician as this work item. */
    public Optional<PriorAuthCase> bySignOffWorkItem(long workItem) throws SQLException {
        return select("select * from prior_auth_case where sign_off_work_item = ?", List.of(workItem)).stream().findFirst();
    }

    /** The case's state changes, oldest first. */
    public List<CaseHistoryEntry> history(long caseId) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement s = c.prepareStatement("select * from prior_auth_case_history where case_id = ? order by id")) {
            s.setLong(1, caseId);
            List<CaseHistoryEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString("from_state");
                    entries.add(new CaseHistoryEntry(caseId, from == null ? null : PriorAuthState.ofWord(from),
                            PriorAuthState.ofWord(rs.getString("to_state")), rs.getTimestamp("changed_at").toInstant(),
                            rs.getString("actor"), rs.getString("note")));
                }
            }
            return entries;
        }
    }

    /** The draft went to the clinician as work item {@code workItem}. */
    public PriorAuthCase awaitingSignature(long id, long workItem, String actor, Instant now) throws SQLException {
        return move(id, PriorAuthState.AWAITING_SIGNATURE, actor, now, "sign-off work item " + workItem,
                Map.of("sign_off_work_item", workItem));
    }

    /** Sent to the payer: the decision due date starts counting now (CMS-0057-F). */
    public PriorAuthCase submitted(long id, String payerReference, String actor, Instant now) throws SQLException {
        PriorAuthCase current = get(id);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("submitted_at", now);
        columns.put("decision_due_at", deadlines.dueAt(now, current.expedited()));
        columns.put("payer_reference", payerReference);
        return move(id, PriorAuthState.SUBMITTED, actor, now, "submitted through " + current.channel().word(), columns);
    }

    public PriorAuthCase pended(long id, String actor, Instant now, String note) throws SQLException {
        return move(id, PriorAuthState.PENDED, actor, now, note, Map.of());
    }

    public PriorAuthCase approved(long id, PriorAuthCase.Authorization granted, String actor, Instant now, String note)
            throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("auth_number", granted.number());
        columns.put("auth_units", granted.units());
        columns.put("auth_start", granted.start());
        columns.put("auth_end", granted.end());
        return move(id, PriorAuthState.APPROVED, actor, now, note, columns);
    }

    public PriorAuthCase denied(long id, Instant appealDueAt, String actor, Instant now, String note) throws SQLException {
        return move(id, PriorAuthState.DENIED, actor, now, note, Map.of("appeal_due_at", appealDueAt));
    }

    /** Any other allowed change (withdrawn, expired, back to draft), with a note for the history. */
    public PriorAuthCase move(long id, PriorAuthState to, String actor, Instant now, String note) throws SQLException {
        return move(id, to, actor, now, note, Map.of());
    }

    /** @param columns column name (a constant of this class's callers, never input) to its new value */
    private PriorAuthCase move(long id, PriorAuthState to, String actor, Instant now, String note,
                               Map<String, Object> columns) throws SQLException {
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                PriorAuthCase current = find(c, id).orElseThrow(() -> new IllegalArgumentException("no prior-auth case " + id));
                if (!current.state().next().contains(to)) {
                    throw new IllegalStateException("prior-auth case " + id + " is " + current.state().word()
                            + " and cannot become " + to.word());
                }
                StringBuilder sql = new StringBuilder("update prior_auth_case set state = ?, updated_at = ?, version = version + 1");
                columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = ?"));
                sql.append(" where id = ? and version = ?");
                try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                    int i = 1;
                    s.setString(i++, to.word());
                    s.setTimestamp(i++, Timestamp.from(now));
                    for (Object value : columns.values()) {
                        bind(s, i++, value);
                    }
                    s.setLong(i++, id);
                    s.setLong(i, current.version());
                    if (s.executeUpdate() != 1) {
                        throw new IllegalStateException("prior-auth case " + id + " changed while this change was made; read it again");
                    }
                }
                history(c, id, current.state(), to, actor, now, note);
                trail.append(c, List.of(event(actor, AuditAction.UPDATE, now, current.patientKey(), id,
                        "prior-auth case " + current.state().word() + " -> " + to.word())));
                c.commit();
                return find(c, id).orElseThrow();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void bind(PreparedStatement s, int i, Object value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.NULL);
        } else if (value instanceof Instant instant) {
            s.setTimestamp(i, Timestamp.from(instant));
        } else if (value instanceof LocalDate date) {
            s.setDate(i, Date.valueOf(date));
        } else if (value instanceof Integer number) {
            s.setInt(i, number);
        } else if (value instanceof Long number) {
            s.setLong(i, number);
        } else {
            s.setString(i, value.toString());
        }
    }

    private static AuditEvent event(String actor, AuditAction action, Instant now, String patientKey, long id, String reason) {
        return new AuditEvent(actor, action, now, patientKey, null, "prior-auth-case/" + id, AuditOutcome.SUCCESS,
                reason, INTERFACE);
    }

    private static long insert(Connection c, NewPriorAuthCase request, Instant now) throws SQLException {
        var decision = request.decision();
        try (PreparedStatement s = c.prepareStatement("insert into prior_auth_case (dedup_key, order_id, patient_key,"
                + " patient_reference, payer_id, plan_id, service_system, service_code, channel, rule, reason, state,"
                + " expedited, service_date, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, 1)", new String[] {"id"})) {
            s.setString(1, request.dedupKey());
            s.setString(2, decision.order());
            s.setString(3, request.patientKey());
            s.setString(4, request.patientReference());
            s.setString(5, decision.payer().payerId().orElse(null));
            s.setString(6, decision.payer().plan().orElse(null));
            s.setString(7, decision.service().system());
            s.setString(8, decision.service().code());
            s.setString(9, decision.channel().word());
            s.setString(10, decision.rule());
            s.setString(11, decision.reason());
            s.setBoolean(12, request.expedited());
            bind(s, 13, request.serviceDate());
            s.setTimestamp(14, Timestamp.from(now));
            s.setTimestamp(15, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void history(Connection c, long id, PriorAuthState from, PriorAuthState to, String actor, Instant now,
                                String note) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into prior_auth_case_history (case_id, from_state, to_state,"
                + " changed_at, actor, note) values (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, from == null ? null : from.word());
            s.setString(3, to.word());
            s.setTimestamp(4, Timestamp.from(now));
            s.setString(5, actor);
            s.setString(6, note == null || note.length() <= 400 ? note : note.substring(0, 400));
            s.executeUpdate();
        }
    }

    private List<PriorAuthCase> select(String sql, List<Object> parameters) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                bind(s, i + 1, parameters.get(i));
            }
            List<PriorAuthCase> cases = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.add(row(rs));
                }
            }
            return cases;
        }
    }

    private static Optional<PriorAuthCase> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select * from prior_auth_case where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<PriorAuthCase> findByDedup(Connection c, String dedupKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select * from prior_auth_case where dedup_key = ?")) {
            s.setString(1, dedupKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static PriorAuthCase row(ResultSet rs) throws SQLException {
        String authNumber = rs.getString("auth_number");
        int units = rs.getInt("auth_units");
        Integer authUnits = rs.wasNull() ? null : units;
        long signOff = rs.getLong("sign_off_work_item");
        Long signOffItem = rs.wasNull() ? null : signOff;
        PriorAuthCase.Authorization authorization = authNumber == null ? null
                : new PriorAuthCase.Authorization(authNumber, authUnits, date(rs, "auth_start"), date(rs, "auth_end"));
        return new PriorAuthCase(rs.getLong("id"), rs.getString("order_id"), rs.getString("patient_key"),
                rs.getString("patient_reference"), rs.getString("payer_id"), rs.getString("plan_id"),
                rs.getString("service_system"), rs.getString("service_code"),
                SubmissionChannel.ofWord(rs.getString("channel")), rs.getString("rule"), rs.getString("reason"),
                PriorAuthState.ofWord(rs.getString("state")), rs.getBoolean("expedited"), date(rs, "service_date"),
                instant(rs, "submitted_at"), instant(rs, "decision_due_at"), rs.getString("payer_reference"),
                authorization, instant(rs, "appeal_due_at"), signOffItem, instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
