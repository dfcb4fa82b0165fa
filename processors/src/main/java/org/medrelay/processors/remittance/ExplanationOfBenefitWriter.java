package org.medrelay.processors.remittance;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Reference;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.medrelay.processors.review.PatientRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes the ExplanationOfBenefit of one claim of an 835 into the EHR through the audited writer, as a conditional
 * update on an identifier of the claim payment ({@value #CLAIM_PAYMENT_SYSTEM}: a hash of TRN03, TRN02, CLP01, CLP02
 * and CLP07), so processing the same remittance again updates the same resource. About the EHR's Patient when it was
 * found; otherwise the member id reference the mapper made stays and the resource is tagged {@value #UNMATCHED_CODE}
 * for billing staff to find.
 */
public class ExplanationOfBenefitWriter {

    public static final String CLAIM_PAYMENT_SYSTEM = "urn:medrelay:x12:835:claim-payment";
    public static final String TAG_SYSTEM = "urn:medrelay:remittance";
    public static final String UNMATCHED_CODE = "patient-not-found";
    private final AuditedFhirWriter writer;

    public ExplanationOfBenefitWriter(AuditedFhirWriter writer) {
        this.writer = writer;
    }

    /** @return the server id, {@code ExplanationOfBenefit/<id>} */
    public String write(ExplanationOfBenefit eob, RemittanceAdvice advice, ClaimPayment claim, Optional<PatientRef> patient,
                        AuditSubject subject) throws SQLException {
        String key = claimPaymentKey(advice, claim);
        eob.addIdentifier().setSystem(CLAIM_PAYMENT_SYSTEM).setValue(key);
        if (patient.isPresent()) {
            eob.setPatient(new Reference(patient.get().reference()).setIdentifier(eob.getPatient().getIdentifier()));
        } else {
            eob.getMeta().addTag(TAG_SYSTEM, UNMATCHED_CODE, "the EHR has no patient with the 835's member id");
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(eob).getRequest().setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("ExplanationOfBenefit?identifier=" + CLAIM_PAYMENT_SYSTEM + "|" + key);
        List<String> written = writer.write(bundle, subject);
        return written.get(0);
    }

    /** The same claim payment in the same remittance has the same key; 32 hex digits, safe in a search URL. */
    static String claimPaymentKey(RemittanceAdvice advice, ClaimPayment claim) {
        String parts = String.join("\u001f", advice.originatorId(), advice.traceNumber(), claim.patientControlNumber(),
                claim.status(), claim.payerClaimControlNumber());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(parts.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
