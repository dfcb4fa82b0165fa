package org.medrelay.processors.review;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Work items in the MedRelay store, and the actions on them. Every action names the version the person read;
 * it is applied only if the item still has that version ({@code update ... where version = ?}), so the second
 * of two people acting on the same item gets a {@link WorkItemConflictException} rather than overwriting the
 * first. Each applied action raises the version by one.
 *
 * <p>Every change is audited atomically with it ({@link WorkItemAuditHook}): the versioned update and its audit
 * entry commit in one transaction, or neither does. An action that is refused or loses a conflict changed
 * nothing; it gets a FAILURE entry of its own.
 *
 * <p>Approval here only records the decision; {@link WorkItemActions} releases the draft after it.
 *
 * <p>Drafts and edits hold PHI: with encryption on they are stored sealed ({@link PayloadCipher}), bound to the
 * item's id, and every read returns them in clear.
 */
public class WorkItemStore {

    static final String ENGINE_ACTOR = "medrelay";

    private static final Logger LOG = LoggerFactory.getLogger(WorkItemStore.class);

    private static final int REASON_LIMIT = 2000;
    private static final int FAILURE_LIMIT = 500;

    /** A store action that may be refused; see {@link #refusalAudited}. */
    @FunctionalInterface
    private interface Action {
        WorkItem apply() throws SQLException;
    }

    private final DataSource dataSource;
    private final AuditedTransaction transaction;
    private final PayloadCipher cipher;

    /** A store whose drafts are in clear (encryption off, no keys). */
    public WorkItemStore(DataSource dataSource, WorkItemAuditHook audit) {
        this(dataSource, audit, PayloadCipher.clearOnly());
    }

    /**
     * @param audit  where every change and every refused action is recorded (the engine's audit trail)
     * @param cipher seals drafts and edits as they are stored, and opens them as they are read
     */
    public WorkItemStore(DataSource dataSource, WorkItemAuditHook audit, PayloadCipher cipher) {
        this.dataSource = dataSource;
        this.transaction = new AuditedTransaction(dataSource, audit);
        this.cipher = cipher;
    }

    /** A new item waiting in its queue ({@link WorkItemStatus#OPEN}), under the workflow's current mode. */
    public WorkItem create(NewWorkItem item, OperatingMode mode, Instant now) throws SQLException {
        return insert(item, mode, WorkItemStatus.OPEN, null, now);
    }

    /**
     * Live mode, confident result: approved by the suite at intake ({@link DecisionKind#AUTO_RELEASED}), audited
     * as approved by {@code system:<workflow>}.
     */
    public WorkItem createApprovedInLiveMode(NewWorkItem item, Instant now) throws SQLException {
        Decision auto = new Decision(DecisionKind.AUTO_RELEASED, ENGINE_ACTOR, now, null, null);
        return insert(item, OperatingMode.LIVE, WorkItemStatus.APPROVED, auto, now);
    }

    public Optional<WorkItem> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        }
    }

    public WorkItem get(long id) throws SQLException {
        return find(id).orElseThrow(() -> new WorkItemNotFoundException(id));
    }

    /** Soonest due first, then oldest. */
    public List<WorkItem> list(WorkItemQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("select " + WorkItemRows.COLUMNS + " from work_item where 1 = 1");
        List<Object> values = new ArrayList<>();
        if (q.queue() != null) {
            sql.append(" and queue = ?");
            values.add(q.queue().name());
        }
        if (!q.statuses().isEmpty()) {
            sql.append(" and status in (").append(placeholders(q.statuses().size())).append(")");
            q.statuses().stream().map(Enum::name).sorted().forEach(values::add);
        }
        if (q.patientReference() != null) {
            sql.append(" and patient_reference = ?");
            values.add(q.patientReference());
        }
        if (q.patientKey() != null) {
            sql.append(" and patient_key = ?");
            values.add(q.patientKey());
        }
        if (q.workflow() != null) {
            sql.append(" and workflow = ?");
            values.add(q.workflow());
        }
        if (q.dueBefore() != null) {
            sql.append(" and due_at < ?");
            values.add(SqlChanges.timestamp(q.dueBefore()));
        }
        sql.append(" order by due_at, id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            query.setMaxRows(q.limit());
            return readAll(query);
        }
    }

    /**
     * APPROVED items whose release is due again at {@code now} (or whose first release never finished), the longest
     * waiting first: a draft its endpoint keeps refusing moves back by its growing delay and never holds others up.
     */
    public List<WorkItem> releasesDue(Instant now, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("select " + WorkItemRows.COLUMNS + " from work_item"
                     + " where status = ? and (next_release_at is null or next_release_at <= ?)"
                     + " order by next_release_at nulls first, id")) {
            query.setString(1, WorkItemStatus.APPROVED.name());
            query.setTimestamp(2, SqlChanges.timestamp(now));
            query.setMaxRows(limit);
            return readAll(query);
        }
    }

    /** Approve the suite's result unchanged: APPROVED (to be released), or RECORDED for a shadow item. */
    public WorkItem approve(long id, long expectedVersion, String actor, Instant now) throws SQLException {
        return refusalAudited(id, AuditAction.APPROVE, actor, now, () -> {
            WorkItemStateMachine.requireActor(id, actor);
            WorkItem current = current(id, expectedVersion);
            WorkItemStateMachine.requireAwaitingDecision(current, "approved");
            return decide(current, new SqlChanges(), DecisionKind.APPROVED_AS_IS, actor, now);
        });
    }

    /** Approve the person's edited draft, kept beside the suite's original; counted in the edit rate. */
    public WorkItem approveEdited(long id, long expectedVersion, String actor, Draft edited, Instant now)
            throws SQLException {
        return refusalAudited(id, AuditAction.APPROVE, actor, now, () -> {
            WorkItemStateMachine.requireActor(id, actor);
            if (edited == null) {
                throw new WorkItemActionRefusedException(id, "Edit-then-approve of work item " + id
                        + " needs the edited draft");
            }
            WorkItem current = current(id, expectedVersion);
            WorkItemStateMachine.requireAwaitingDecision(current, "edited and approved");
            SqlChanges changes = new SqlChanges()
                    .bytes("edited_payload", cipher.seal(edited.payload(), PayloadBinding.workItemEdit(id)))
                    .text("edited_content_type", edited.contentType());
            return decide(current, changes, DecisionKind.EDITED, actor, now);
        });
    }

    /**
     * Reject with a reason (required, in every mode). Nothing is released. The reason is kept with the item only:
     * a person typed it and it may name the patient, so the audit entry says that one was given, not what it is.
     */
    public WorkItem reject(long id, long expectedVersion, String actor, String reason, Instant now) throws SQLException {
        return refusalAudited(id, AuditAction.REJECT, actor, now, () -> {
            WorkItemStateMachine.requireActor(id, actor);
            WorkItemStateMachine.requireReason(id, reason);
            WorkItem current = current(id, expectedVersion);
            WorkItemStateMachine.requireAwaitingDecision(current, "rejected");
            SqlChanges changes = new SqlChanges()
                    .text("status", WorkItemStatus.REJECTED.name())
                    .text("decision", DecisionKind.REJECTED.name())
                    .text("decided_by", actor)
                    .instant("decided_at", now)
                    .text("reject_reason", truncate(reason.strip(), REASON_LIMIT));
            return update(current, changes, WorkItemStateMachine.AWAITING_DECISION, actor, now,
                    after -> WorkItemAuditEvents.succeeded(after, AuditAction.REJECT, actor, now,
                            "rejected (" + after.mode().propertyValue() + " mode), reason given"));
        });
    }

    /**
     * Move to another queue and/or person; the status stays (an escalated item handed on by the supervisor stays
     * ESCALATED, so it is not escalated twice).
     *
     * @param queue    the new queue, or null to keep it
     * @param assignee the new assignee; null leaves the item to anyone in the queue
     */
    public WorkItem reassign(long id, long expectedVersion, String actor, WorkQueue queue, String assignee, Instant now)
            throws SQLException {
        return refusalAudited(id, AuditAction.REASSIGN, actor, now, () -> {
            WorkItemStateMachine.requireActor(id, actor);
            WorkItem current = current(id, expectedVersion);
            WorkItemStateMachine.requireAwaitingDecision(current, "reassigned");
            SqlChanges changes = new SqlChanges()
                    .text("queue", (queue == null ? current.queue() : queue).name())
                    .text("assignee", assignee == null || assignee.isBlank() ? null : assignee.strip());
            return update(current, changes, WorkItemStateMachine.AWAITING_DECISION, actor, now,
                    after -> WorkItemAuditEvents.succeeded(after, AuditAction.REASSIGN, actor, now,
                            "from " + current.queue() + " to " + after.queue() + (after.assignee() == null
                                    ? ", unassigned" : ", assigned to " + after.assignee())));
        });
    }

    /** Overdue: to the supervisor queue, ESCALATED, with the original queue kept; audited as the work item layer's. */
    public WorkItem escalate(long id, long expectedVersion, Instant now) throws SQLException {
        String actor = WorkItemActors.WORK_ITEMS;
        return refusalAudited(id, AuditAction.ESCALATE, actor, now, () -> {
            WorkItem current = current(id, expectedVersion);
            WorkItemStateMachine.requireOverdueOpen(current);
            SqlChanges changes = new SqlChanges()
                    .text("status", WorkItemStatus.ESCALATED.name())
                    .text("original_queue", current.queue().name())
                    .text("queue", WorkQueue.SUPERVISOR.name())
                    .instant("escalated_at", now);
            return update(current, changes, Set.of(WorkItemStatus.OPEN), ENGINE_ACTOR, now,
                    after -> WorkItemAuditEvents.succeeded(after, AuditAction.ESCALATE, actor, now,
                            "overdue since " + current.dueAt() + ": from " + current.queue() + " to " + after.queue()));
        });
    }

    /**
     * The workflow's endpoint took the draft.
     *
     * @param actor who released it, for the audit trail ({@link WorkItemActors#releaseOf})
     */
    public WorkItem markReleased(long id, long expectedVersion, String actor, Instant now) throws SQLException {
        return refusalAudited(id, AuditAction.RELEASE, actor, now, () -> {
            WorkItem current = current(id, expectedVersion);
            WorkItemStateMachine.requireAwaitingRelease(current);
            SqlChanges changes = new SqlChanges()
                    .text("status", WorkItemStatus.RELEASED.name())
                    .instant("released_at", now)
                    .number("release_attempts", current.release().attempts() + 1L)
                    .text("last_release_error", null)
                    .instant("next_release_at", null);
            return update(current, changes, Set.of(WorkItemStatus.APPROVED), ENGINE_ACTOR, now,
                    after -> WorkItemAuditEvents.succeeded(after, AuditAction.RELEASE, actor, now,
                            "released to the " + after.workflow() + " endpoint"));
        });
    }

    /**
     * A release attempt failed: the item stays APPROVED, to be retried. Not a new version (nothing a person sees
     * changes but the failure), so it never conflicts with anything. Audited as a failed release naming only the
     * failure's kind: an endpoint's message may quote what it was sent.
     *
     * @param failure     what went wrong, without payload content (an exception class, an endpoint's status)
     * @param failureKind the kind only, for the audit trail (an exception class)
     * @param actor       who tried to release it ({@link WorkItemActors#releaseOf})
     * @param nextAttempt when the retry poll may try it again
     */
    public void recordReleaseFailure(long id, String failure, String failureKind, String actor, Instant now,
                                     Instant nextAttempt) throws SQLException {
        transaction.commit(c -> {
            try (PreparedStatement update = c.prepareStatement("update work_item set release_attempts = release_attempts + 1,"
                    + " last_release_error = ?, next_release_at = ?, updated_at = ? where id = ? and status = ?")) {
                update.setString(1, truncate(failure, FAILURE_LIMIT));
                update.setTimestamp(2, SqlChanges.timestamp(nextAttempt));
                update.setTimestamp(3, SqlChanges.timestamp(now));
                update.setLong(4, id);
                update.setString(5, WorkItemStatus.APPROVED.name());
                update.executeUpdate();
            }
            Optional<WorkItem> item = find(c, id);
            return item.isEmpty() ? AuditedTransaction.Audited.of(null)
                    : AuditedTransaction.Audited.of(null, WorkItemAuditEvents.failed(item.get(), AuditAction.RELEASE,
                            actor, now, "release failed: " + failureKind + "; retried from " + nextAttempt));
        });
    }

    private WorkItem decide(WorkItem current, SqlChanges changes, DecisionKind kind, String actor, Instant now)
            throws SQLException {
        changes.text("status", WorkItemStateMachine.afterApproval(current.mode()).name())
                .text("decision", kind.name())
                .text("decided_by", actor)
                .instant("decided_at", now);
        return update(current, changes, WorkItemStateMachine.AWAITING_DECISION, actor, now,
                after -> WorkItemAuditEvents.succeeded(after, AuditAction.APPROVE, actor, now,
                        WorkItemAuditEvents.decided(after)));
    }

    /**
     * Runs a store action; if it is refused or loses a conflict, records that in the audit trail in a short
     * transaction of its own (the action changed nothing) and rethrows. A failure to record it is logged and
     * attached to the refusal, which still reaches the caller: the person must learn that their action did not
     * apply, and nothing changed that the trail misses.
     */
    private WorkItem refusalAudited(long id, AuditAction action, String actor, Instant now, Action body)
            throws SQLException {
        try {
            return body.apply();
        } catch (WorkItemException refusal) {
            try {
                transaction.record(WorkItemAuditEvents.refused(id, find(id).orElse(null), action, actor, now, refusal));
            } catch (SQLException | RuntimeException auditFailure) {
                refusal.addSuppressed(auditFailure);
                LOG.error("Refused {} of work item {} not recorded in the audit trail: {}", action, id,
                        auditFailure.getClass().getSimpleName());
            }
            throw refusal;
        }
    }

    /** The item as the person read it, or the reason their action cannot apply. */
    private WorkItem current(long id, long expectedVersion) throws SQLException {
        WorkItem current = get(id);
        if (current.version() != expectedVersion) {
            throw new WorkItemConflictException(id, expectedVersion, current.version(), current.status());
        }
        return current;
    }

    /**
     * Applies the changes if the item still has the version read and one of the allowed statuses, and appends the
     * audit entry {@code audited} makes of the changed item, in one transaction; else the other action won, and
     * this one is a conflict.
     *
     * @param updatedBy the item's {@code updated_by}: the person, or {@link #ENGINE_ACTOR}
     */
    private WorkItem update(WorkItem current, SqlChanges changes, Set<WorkItemStatus> allowedFrom, String updatedBy,
                            Instant now, Function<WorkItem, AuditEvent> audited) throws SQLException {
        List<String> from = allowedFrom.stream().map(Enum::name).sorted().toList();
        String sql = "update work_item set " + changes.setClause() + ", updated_at = ?, updated_by = ?,"
                + " version = version + 1 where id = ? and version = ? and status in (" + placeholders(from.size()) + ")";
        return transaction.commit(c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement(sql)) {
                int i = changes.bind(update, 1);
                update.setTimestamp(i++, SqlChanges.timestamp(now));
                update.setString(i++, updatedBy);
                update.setLong(i++, current.id());
                update.setLong(i++, current.version());
                for (String status : from) {
                    update.setString(i++, status);
                }
                updated = update.executeUpdate();
            }
            WorkItem latest = find(c, current.id()).orElseThrow(() -> new WorkItemNotFoundException(current.id()));
            if (updated == 0) {
                throw new WorkItemConflictException(current.id(), current.version(), latest.version(), latest.status());
            }
            return AuditedTransaction.Audited.of(latest, audited.apply(latest));
        });
    }

    private Optional<WorkItem> find(Connection c, long id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "select " + WorkItemRows.COLUMNS + " from work_item where id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(WorkItemRows.read(rs, cipher)) : Optional.empty();
            }
        }
    }

    private WorkItem insert(NewWorkItem item, OperatingMode mode, WorkItemStatus status, Decision decision, Instant now)
            throws SQLException {
        SuiteResult result = item.suiteResult();
        Draft draft = result.draft();
        SqlChanges values = new SqlChanges()
                .text("type_code", item.type().code())
                .text("workflow", item.workflow())
                .text("mode", mode.name())
                .text("patient_reference", item.patient().reference())
                .text("patient_key", item.patient().pseudonymKey())
                .text("queue", item.queue().name())
                .text("assignee", item.assignee())
                .instant("due_at", item.dueAt())
                .text("priority", item.priority().name())
                .text("status", status.name())
                // Sealed below, once the id it is bound to is known.
                .bytes("draft_payload", null)
                .text("draft_content_type", draft == null ? null : draft.contentType())
                .text("classification", result.classification())
                .decimal("confidence", result.confidence())
                .text("reasons_json", WorkItemRows.reasonsJson(result.reasons()))
                .text("source_message_key", item.sourceMessageKey())
                .text("links_json", WorkItemRows.linksJson(item.links()))
                .text("decision", decision == null ? null : decision.kind().name())
                .text("decided_by", decision == null ? null : decision.decidedBy())
                .instant("decided_at", decision == null ? null : decision.decidedAt())
                .number("release_attempts", 0)
                .number("task_synced_version", 0)
                .instant("created_at", now)
                .instant("updated_at", now)
                .text("updated_by", ENGINE_ACTOR)
                .number("version", 1);
        return transaction.commit(c -> {
            long id;
            try (PreparedStatement insert = c.prepareStatement("insert into work_item (" + values.columnList()
                    + ") values (" + values.placeholders() + ")", new String[] {"id"})) {
                values.bind(insert, 1);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (draft != null) {
                sealDraft(c, id, draft);
            }
            WorkItem created = find(c, id).orElseThrow(() -> new WorkItemNotFoundException(id));
            return AuditedTransaction.Audited.of(created, intakeEvents(created, now));
        });
    }

    private void sealDraft(Connection c, long id, Draft draft) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update work_item set draft_payload = ? where id = ?")) {
            update.setBytes(1, cipher.seal(draft.payload(), PayloadBinding.workItemDraft(id)));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /**
     * The suite writing patient data into the store is audited as its creation; in live mode, its approval too,
     * by the workflow itself.
     */
    private static AuditEvent[] intakeEvents(WorkItem created, Instant now) {
        String workflow = WorkItemActors.workflow(created.workflow());
        AuditEvent create = WorkItemAuditEvents.succeeded(created, AuditAction.CREATE, workflow, now,
                created.type().code() + " in " + created.queue() + " (" + created.mode().propertyValue() + " mode)");
        if (created.decision() == null) {
            return new AuditEvent[] {create};
        }
        return new AuditEvent[] {create, WorkItemAuditEvents.succeeded(created, AuditAction.APPROVE, workflow, now,
                "live mode, confidence " + created.suiteResult().confidence() + ": approved without review")};
    }

    private List<WorkItem> readAll(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            List<WorkItem> items = new ArrayList<>();
            while (rs.next()) {
                items.add(WorkItemRows.read(rs, cipher));
            }
            return items;
        }
    }

    static String placeholders(int count) {
        return Collections.nCopies(count, "?").stream().collect(Collectors.joining(", "));
    }

    private static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
