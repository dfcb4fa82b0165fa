package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.fax.FaxClassifier;
import org.medrelay.processors.fax.FaxSettings;
import org.medrelay.processors.fax.FaxType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pharmacy's refill fax, classified and read by fax intake, triaged by the refill protocols like an OMP^O09. */
class RefillFaxRequestTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T12:00:00Z");
    private final FaxClassifier classifier = FaxClassifier.shipped(FaxSettings.defaults());
    private final RefillTriage triage = new RefillTriage(RefillProtocols.builtIn(), Clock.fixed(RECEIVED, ZoneOffset.UTC));

    /** The first layout of test-data/fax/templates/refill-request.txt, filled with synthetic values. */
    private static String fax(String medication) {
        return "Synthetic Corner Pharmacy\n"
                + "PRESCRIPTION REFILL REQUEST\n"
                + "Date: 11/20/2026\n"
                + "To: Dr. Dana Doctor     Fax: 217-555-0100\n"
                + "Patient: Dmitri Notreal     DOB: 01/01/1979\n"
                + "Medication: " + medication + "\n"
                + "Sig: 1 tablet by mouth twice daily\n"
                + "Qty: 60    Refills requested: 3\n"
                + "Last filled: 10/20/2026\n"
                + "Prescriber: Dr. Dana Doctor    NPI: 1234567890\n"
                + "[ ] Approved  [ ] Approved with changes  [ ] Denied  [ ] Patient must be seen\n"
                + "Prescriber signature: __________________\n"
                + "Please fax back to 217-555-0199.\n"
                + "Synthetic Corner Pharmacy - Pharmacist: Pat Pharmacist, PharmD\n";
    }

    @Test
    void aMetforminFaxIsTriagedAgainstTheDiabetesProtocol() {
        FaxClassification classification = classifier.classify(fax("Metformin 500 mg tablet"));
        assertEquals(FaxType.REFILL_REQUEST, classification.type());
        Reference prescriber = new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier().setValue("1234567890"));
        MedicationRequest request = RefillFaxRequest.of(classification, "Patient/12", prescriber, RECEIVED);
        assertEquals("Patient/12", request.getSubject().getReference());

        RefillDecision decision = triage.triage(request, Chart.missing());
        assertTrue(decision.facts().stream().anyMatch(f -> f.fact().equals("drug-class") && f.value().equals("diabetes")),
                decision.facts().toString());
        assertEquals(RefillClass.NEEDS_REVIEW, decision.refillClass());
        assertTrue(decision.reasons().contains("the patient was not found in the EHR: the chart could not be checked"));
    }

    @Test
    void aScheduleIiFaxIsNeverRoutine() {
        MedicationRequest request = RefillFaxRequest.of(classifier.classify(fax("Oxycodone 5 mg tablet")), "Patient/12",
                null, RECEIVED);
        assertEquals("Dr. Dana Doctor", request.getRequester().getDisplay());
        RefillDecision decision = triage.triage(request, Chart.missing());
        assertTrue(decision.controlled());
        assertTrue(decision.reasons().contains("Schedule II: cannot be refilled, the prescriber must write a new prescription"),
                decision.reasons().toString());
    }

    @Test
    void aFaxOfAnotherTypeIsRefused() {
        FaxClassification referral = classifier.classify("REFERRAL FORM\nReferring provider: Dr. Dana Doctor\n"
                + "Patient: Dmitri Notreal  DOB: 01/01/1979\nReason for referral: chest pain\nSpecialty: Cardiology\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RefillFaxRequest.of(referral, "Patient/12", null, RECEIVED));
        assertTrue(e.getMessage().endsWith("not refill-request"), e.getMessage());
    }
}
