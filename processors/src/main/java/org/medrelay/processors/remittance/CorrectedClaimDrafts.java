package org.medrelay.processors.remittance;

import org.medrelay.processors.review.Draft;

import java.util.Optional;

/**
 * The draft of a correct-and-resubmit work item: a corrected claim (837P replacement, CLM05-3 = 7, REF*F8 the payer
 * claim control number) built from the claim on file, with the change the denial asks for where it is mechanical.
 * The seam where claims on file plug in: until a builder is bound, {@link #NONE} gives no draft and the item carries
 * the classification, the codes and the reason for the biller to correct the claim in the practice's billing system.
 */
@FunctionalInterface
public interface CorrectedClaimDrafts {

    CorrectedClaimDrafts NONE = followUp -> Optional.empty();

    /** The corrected claim for this denial, or empty when there is no claim on file to correct. */
    Optional<Draft> draft(ClaimFollowUp followUp);
}
