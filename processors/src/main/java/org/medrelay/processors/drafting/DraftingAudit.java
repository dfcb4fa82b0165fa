package org.medrelay.processors.drafting;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.time.Clock;

/**
 * Records every drafting call in the audit trail: which patient (pseudonymous key), which model
 * ({@code drafting-model/<name>}), whether what left was de-identified, and how it ended. Never the request's
 * or the draft's text. An entry that cannot be written fails the call, so no draft exists unaudited.
 */
public final class DraftingAudit {

    static final String ACTOR = AuditActors.system("drafting");
    static final String INTERFACE = "drafting";

    private final AuditTrail trail;
    private final Clock clock;

    public DraftingAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    void drafted(DraftRequest request, String model, String how) {
        append(request, model, AuditOutcome.SUCCESS, request.kind() + ": " + how);
    }

    void failed(DraftRequest request, String model, String why) {
        append(request, model, AuditOutcome.FAILURE, request.kind() + ": " + why);
    }

    private void append(DraftRequest request, String model, AuditOutcome outcome, String reason) {
        try {
            trail.append(new AuditEvent(ACTOR, AuditAction.DRAFT, clock.instant(), request.patientKey(), null,
                    "drafting-model/" + model, outcome, reason, INTERFACE));
        } catch (SQLException e) {
            throw new DraftingModelException("drafting call for patient " + request.patientKey()
                    + " not recorded in the audit trail (" + e.getClass().getSimpleName() + "); draft discarded");
        }
    }
}
