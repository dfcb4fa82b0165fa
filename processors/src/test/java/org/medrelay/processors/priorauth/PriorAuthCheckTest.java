package org.medrelay.processors.priorauth;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orders checked against the shipped example table, from an HL7v2 order and from FHIR resources. */
class PriorAuthCheckTest {

    private final PriorAuthCheck check = new PriorAuthCheck(PriorAuthRequirements.shipped());

    private static byte[] sample(String path) throws Exception {
        try (InputStream in = PriorAuthCheckTest.class.getResourceAsStream("/medrelay-test-data/" + path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anHl7OrderIsCheckedUnderItsIn1PayerOrderByOrder() throws Exception {
        Bundle mapped = new Hl7ToFhirMapper().toBundle(sample("hl7v2/orm-o01-prior-auth-mri.hl7"));

        List<PriorAuthDecision> decisions = check.check(mapped);

        assertEquals(2, decisions.size());
        PriorAuthDecision mri = decisions.get(0);
        assertEquals("ORD5001", mri.order());
        assertEquals(new OrderedService("CPT", "70551", "MRI brain without contrast"), mri.service());
        assertTrue(mri.required());
        assertEquals(SubmissionChannel.FHIR_PAS, mri.channel());
        assertEquals(7, mri.turnaroundDays());
        assertEquals("priorauth/requirements.tsv line 17", mri.rule());
        assertEquals("Payer 12345 requires authorization for MRI and takes requests through its Da Vinci PAS API. "
                + "(CPT 70551 (MRI brain without contrast), payer 12345 plan SILVERPPO01)", mri.reason());
        PriorAuthDecision visit = decisions.get(1);
        assertEquals("ORD5002", visit.order());
        assertFalse(visit.required());
        assertEquals(SubmissionChannel.NONE, visit.channel());
        assertEquals("priorauth/requirements.tsv line 18", visit.rule());
    }

    @Test
    void aServiceRequestTakesTheCoverageItNames() throws Exception {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser()
                .parseResource(Bundle.class, new String(sample("priorauth/servicerequest-ct-bundle.json")));

        PriorAuthDecision ct = check.check(bundle).get(0);

        assertEquals("ORD6001", ct.order());
        assertTrue(ct.required());
        assertEquals(SubmissionChannel.X12_278, ct.channel());
        assertEquals("priorauth/requirements.tsv line 20", ct.rule());
    }

    @Test
    void withoutAPayerOnlyTheAnyPayerLinesApply() {
        ServiceRequest pet = new ServiceRequest();
        pet.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding("http://www.ama-assn.org/go/cpt", "78815", "PET/CT skull base to mid-thigh")));
        Bundle bundle = new Bundle().addEntry(new Bundle.BundleEntryComponent().setResource(pet));

        PriorAuthDecision decision = check.check(bundle).get(0);

        assertTrue(decision.required());
        assertEquals(SubmissionChannel.PORTAL, decision.channel());
        assertTrue(decision.reason().endsWith("(CPT 78815 (PET/CT skull base to mid-thigh), an unknown payer)"), decision.reason());
    }

    @Test
    void deviceAndMedicationOrdersAreCheckedByTheirCodes() {
        Coverage coverage = new Coverage();
        coverage.setId("cov1");
        coverage.addPayor(new Reference().setIdentifier(new Identifier().setValue("67890")));
        DeviceRequest cpap = new DeviceRequest();
        cpap.addIdentifier().setValue("DEV1");
        cpap.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "E0601", "CPAP device")));
        cpap.addInsurance(new Reference("Coverage/cov1"));
        MedicationRequest infusion = new MedicationRequest();
        infusion.addIdentifier().setValue("MED1");
        infusion.setMedication(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "J1745", "Infliximab 10 mg")));
        Bundle bundle = new Bundle();
        bundle.addEntry().setFullUrl("Coverage/cov1").setResource(coverage);
        bundle.addEntry().setResource(cpap);
        bundle.addEntry().setResource(infusion);

        List<PriorAuthDecision> decisions = check.check(bundle);

        assertEquals(SubmissionChannel.FAX, decisions.get(0).channel(), "payer 67890 takes CPAP requests by fax");
        assertEquals(List.of("sleep study report", "face-to-face evaluation notes"), decisions.get(0).documentation());
        assertEquals("MED1", decisions.get(1).order());
        assertTrue(decisions.get(1).required());
        assertEquals(SubmissionChannel.PORTAL, decisions.get(1).channel());
    }

    @Test
    void aFileWithoutOrdersOrAnOrderWithoutACodeIsRefused() {
        Bundle noOrders = new Bundle().addEntry(new Bundle.BundleEntryComponent().setResource(new Coverage()));
        assertEquals("no ServiceRequest, MedicationRequest or DeviceRequest to check",
                assertThrows(IllegalArgumentException.class, () -> check.check(noOrders)).getMessage());

        ServiceRequest uncoded = new ServiceRequest();
        uncoded.addIdentifier().setValue("ORD7");
        uncoded.setCode(new CodeableConcept().setText("brain scan"));
        Bundle bundle = new Bundle().addEntry(new Bundle.BundleEntryComponent().setResource(uncoded));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> check.check(bundle)).getMessage()
                .startsWith("order ORD7 has no coded service"));
    }
}
