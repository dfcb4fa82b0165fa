package org.medrelay.processors.fax.intake;

import org.medrelay.processors.fax.FaxType;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import java.util.Optional;

/**
 * Where each kind of fax goes once it is filed: results to the clinician, referrals to scheduling, prior-auth
 * responses to the prior-auth team (with the case when one matches), records requests to records, refill requests to
 * the clinician as the refill workflow's items are, billing to billing. Marketing is archived and goes nowhere; a fax
 * of no known kind, or one a person must read, match or classify, is a {@code fax-triage} item for records.
 */
public record FaxRouting(WorkItemType type, WorkQueue queue) {

    public static final FaxRouting TRIAGE = new FaxRouting(WorkItemType.FAX_TRIAGE, WorkQueue.RECORDS);

    /** @return empty for marketing: archived, not routed */
    public static Optional<FaxRouting> of(FaxType type) {
        return switch (type) {
            case LAB_RESULT -> Optional.of(new FaxRouting(WorkItemType.of("lab-result"), WorkQueue.CLINICIAN));
            case IMAGING_REPORT -> Optional.of(new FaxRouting(WorkItemType.of("imaging-report"), WorkQueue.CLINICIAN));
            case REFERRAL -> Optional.of(new FaxRouting(WorkItemType.REFERRAL, WorkQueue.SCHEDULING));
            case PRIOR_AUTH_RESPONSE -> Optional.of(new FaxRouting(WorkItemType.of("prior-auth-response"), WorkQueue.PRIOR_AUTH));
            case RECORDS_REQUEST -> Optional.of(new FaxRouting(WorkItemType.of("records-request"), WorkQueue.RECORDS));
            case REFILL_REQUEST -> Optional.of(new FaxRouting(WorkItemType.REFILL_REQUEST, WorkQueue.CLINICIAN));
            case BILLING -> Optional.of(new FaxRouting(WorkItemType.of("billing-correspondence"), WorkQueue.BILLING));
            case MARKETING -> Optional.empty();
            case OTHER -> Optional.of(TRIAGE);
        };
    }
}
