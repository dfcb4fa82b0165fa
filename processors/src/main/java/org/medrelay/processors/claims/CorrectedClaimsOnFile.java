package org.medrelay.processors.claims;

import org.medrelay.mappings.x12.claims.ClaimOnFile;
import org.medrelay.mappings.x12.claims.CorrectedClaim;
import org.medrelay.mappings.x12.claims.CorrectedClaimBuilder;
import org.medrelay.processors.remittance.ClaimFollowUp;
import org.medrelay.processors.remittance.CorrectedClaimDraft;
import org.medrelay.processors.remittance.CorrectedClaimDrafts;
import org.medrelay.processors.review.Draft;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Corrected claims for the denials workflow: the denied claim is found among the claims on file by its patient control
 * number (CLP01 = CLM01; the 835's payer id often differs from the 837's, so it is not used to match) and its
 * replacement built by {@link CorrectedClaimBuilder}. The biller's notes name each change made and each flag.
 */
public final class CorrectedClaimsOnFile implements CorrectedClaimDrafts {

    static final String CONTENT_TYPE = "application/edi-x12";

    private final ClaimsOnFile claims;
    private final CorrectedClaimBuilder builder;

    public CorrectedClaimsOnFile(ClaimsOnFile claims, CorrectedClaimBuilder builder) {
        this.claims = claims;
        this.builder = builder;
    }

    @Override
    public CorrectedClaimDraft draft(ClaimFollowUp followUp) throws SQLException {
        String patientControlNumber = followUp.claim().patientControlNumber();
        Optional<ClaimOnFile> onFile = claims.find(patientControlNumber);
        if (onFile.isEmpty()) {
            return CorrectedClaimDraft.notDrafted("no 837 on file with CLM01 " + patientControlNumber
                    + "; correct the claim in the billing system");
        }
        CorrectedClaim corrected;
        try {
            corrected = builder.build(onFile.get(), followUp.claim());
        } catch (IllegalArgumentException refused) {
            return CorrectedClaimDraft.notDrafted(refused.getMessage());
        }
        List<String> notes = new ArrayList<>();
        notes.add("corrected claim drafted: 837 replacement of " + patientControlNumber + " (CLM05-3 7, REF*F8 "
                + corrected.payerClaimControlNumber() + ")");
        corrected.changes().forEach(change -> notes.add("changed: " + change));
        corrected.flags().forEach(flag -> notes.add("to do by hand: " + flag));
        return new CorrectedClaimDraft(Optional.of(new Draft(corrected.x12(), CONTENT_TYPE)), notes, corrected.complete());
    }
}
