package org.medrelay.processors.hl7;

import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.AuditableError;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Records the messages that were refused or dead-lettered in the audit trail, from the error store, a few
 * seconds after the fact. The MLLP listener answers a refusal at once and must not wait on the audit chain,
 * so it only stores the error; this poller appends the entry and marks the row in the same transaction,
 * so each error is recorded exactly once, also across a crash.
 */
public class ErrorStoreAuditor {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorStoreAuditor.class);

    private static final int BATCH = 100;

    private final DataSource dataSource;
    private final ErrorStore errorStore;
    private final AuditTrail trail;
    private final String processingComponent;
    private final Hl7AuditSubjects auditSubjects;
    private final Clock clock;

    /**
     * @param processingComponent the component named as actor for errors after the ACK (unprocessable,
     *                            dead-letter), e.g. {@code hl7-process}; refusals at the door name their interface
     */
    public ErrorStoreAuditor(DataSource dataSource, ErrorStore errorStore, AuditTrail trail,
                             String processingComponent, PatientKeys patientKeys, Clock clock) {
        this.dataSource = dataSource;
        this.errorStore = errorStore;
        this.trail = trail;
        this.processingComponent = processingComponent;
        this.auditSubjects = new Hl7AuditSubjects(patientKeys);
        this.clock = clock;
    }

    /** @return the number of errors recorded */
    public int recordNewErrors() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<AuditableError> errors = errorStore.lockUnaudited(c, BATCH);
                trail.append(c, errors.stream().map(this::toEvent).toList());
                errorStore.markAudited(c, errors.stream().map(AuditableError::id).toList(), clock.instant());
                c.commit();
                if (!errors.isEmpty()) {
                    LOG.debug("Recorded {} stored errors in the audit trail, up to error #{}", errors.size(),
                            errors.get(errors.size() - 1).id());
                }
                return errors.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    AuditEvent toEvent(AuditableError error) {
        boolean atTheDoor = error.kind() == ErrorKind.REJECTED || error.kind() == ErrorKind.FRAMING;
        String actor = AuditActors.system(atTheDoor ? error.interfaceName() : processingComponent);
        AuditAction action = error.kind() == ErrorKind.DEAD_LETTER ? AuditAction.DEAD_LETTER : AuditAction.REFUSE;
        // When it happened, not when this poller saw it.
        return AuditEvent.of(actor, action, error.createdAt(), auditSubjects.ofRaw(error.rawMessage(),
                error.interfaceName()), "error/" + error.id(), AuditOutcome.FAILURE, reasonOf(error));
    }

    /** The kind and the HL7 code and position: never the stored reason text, which may quote the EHR. */
    private static String reasonOf(AuditableError error) {
        String reason = error.kind().label();
        if (error.errorCode() != null) {
            reason += ": HL7 error " + error.errorCode();
            if (error.errorLocation() != null && !error.errorLocation().isEmpty()) {
                reason += " at " + error.errorLocation();
            }
        }
        return reason;
    }
}
