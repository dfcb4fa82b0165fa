package org.medrelay.processors.eligibility;

import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * A person asks for an eligibility check again (the CLI's {@code eligibility recheck}, the API's recheck of a gap work
 * item): the check that counts for the patient, payer and date is set aside and a copy marked asked-again is due at
 * once, so it goes out in the next 270 file. The only way past "never twice for the same patient, payer and date";
 * each one audited as REPROCESS under the person's name and the patient's key.
 */
public class EligibilityRecheck {

    private final EligibilityRequests requests;
    private final AuditTrail trail;
    private final Clock clock;

    public EligibilityRecheck(EligibilityRequests requests, AuditTrail trail, Clock clock) {
        this.requests = requests;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * @param earlier   a request that counts ({@link EligibilityRequests#counting}, {@link EligibilityRequests#byResponse})
     * @param actor     who asked (account name, or the operating-system user of the CLI)
     * @param via       the interface asked through: "api" or "cli"
     * @param flag      noted in the audit entry (e.g. break-glass), or null
     * @return the new request, due now
     */
    public StoredRequest askAgain(StoredRequest earlier, String actor, String via, String flag) throws SQLException {
        EligibilityCheck old = earlier.check();
        EligibilityCheck again = old.with(clock.instant(), true);
        Optional<StoredRequest> recorded = requests.schedule(again, earlier.coverageKey());
        if (recorded.isEmpty()) {
            // asked-again checks are never refused as duplicates; only a concurrent ask about the same check ends here
            throw new SQLException("another check for the same patient, payer and date was recorded at the same moment; ask again");
        }
        String reason = "asked again: replaces " + earlier + (flag == null ? "" : "; " + flag);
        trail.append(new AuditEvent(actor, AuditAction.REPROCESS, clock.instant(), old.patientKey(), old.sourceMessageKey(),
                recorded.get().toString(), AuditOutcome.SUCCESS, reason, via));
        return recorded.get();
    }
}
