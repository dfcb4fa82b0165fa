package org.medrelay.processors.remittance;

import java.sql.SQLException;

/**
 * The draft of a correct-and-resubmit work item: a corrected claim (837P replacement, CLM05-3 = 7, REF*F8 the payer
 * claim control number) built from the claim on file, with the change the denial asks for where it is mechanical.
 * {@link #NONE} drafts nothing (no claims are kept): the item then carries the classification, the codes and the
 * reason for the biller to correct the claim in the practice's billing system.
 */
@FunctionalInterface
public interface CorrectedClaimDrafts {

    CorrectedClaimDrafts NONE = followUp -> CorrectedClaimDraft.NONE;

    CorrectedClaimDraft draft(ClaimFollowUp followUp) throws SQLException;
}
