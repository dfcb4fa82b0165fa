package org.medrelay.processors.audit;

import java.time.Instant;

/**
 * Which entries to list or export.
 *
 * @param since      only entries recorded at or after this instant, or null for all
 * @param patientKey only entries about this pseudonymous patient key, or null for all
 */
public record AuditQuery(Instant since, String patientKey) {

    public static final AuditQuery ALL = new AuditQuery(null, null);
}
