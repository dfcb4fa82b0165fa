package org.medrelay.processors.priorauth.cases;

import java.time.Instant;

/** One state change of a case: from (null when it was opened), to, when, who, and a note without patient data. */
public record CaseHistoryEntry(long caseId, PriorAuthState from, PriorAuthState to, Instant at, String actor, String note) {
}
