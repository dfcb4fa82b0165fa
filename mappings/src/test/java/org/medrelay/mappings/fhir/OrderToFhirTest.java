package org.medrelay.mappings.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.mappings.hl7v2.SyntheticSamples.bytes;

class OrderToFhirTest {

    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    @Test
    void ormFromAV23SenderBecomesAnActiveServiceRequestKeyedOnThePlacerNumber() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("orm-o01-order-v23.hl7"));
        ServiceRequest order = Bundles.only(bundle, ServiceRequest.class);

        assertEquals(ServiceRequest.ServiceRequestStatus.ACTIVE, order.getStatus());
        assertEquals(ServiceRequest.ServiceRequestIntent.ORDER, order.getIntent());
        assertEquals("58410-2", order.getCode().getCodingFirstRep().getCode());
        assertEquals("http://loinc.org", order.getCode().getCodingFirstRep().getSystem());
        assertEquals("PUT ServiceRequest?identifier=urn:medrelay:hl7:id:MRH_EHR|ORD3001",
                Bundles.requestUrls(bundle).get(2));
        assertEquals(Bundles.fullUrlOf(bundle, Bundles.only(bundle, Patient.class)), order.getSubject().getReference());
    }

    @Test
    void omgCarriesPriorityTimingAndRequester() throws Exception {
        ServiceRequest order = Bundles.only(MAPPER.toBundle(bytes("omg-o19-order.hl7")), ServiceRequest.class);

        assertEquals(ServiceRequest.ServiceRequestPriority.ROUTINE, order.getPriority());
        assertEquals("2026-11-20T08:00:00Z", order.getOccurrenceDateTimeType().getValueAsString());
        assertEquals("Fay Cardiologist", order.getRequester().getDisplay());
    }

    @Test
    void referralBecomesAServiceRequestWithReferringAndReferredToProviders() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("ref-i12-referral.hl7"));
        ServiceRequest referral = Bundles.only(bundle, ServiceRequest.class);

        assertEquals("PUT ServiceRequest?identifier=urn:medrelay:hl7:id:MRH_REF|REF5001", Bundles.requestUrls(bundle).get(0));
        assertEquals(ServiceRequest.ServiceRequestStatus.DRAFT, referral.getStatus());
        assertEquals("3457005", referral.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("I25.10", referral.getReasonCodeFirstRep().getCodingFirstRep().getCode());
        assertEquals("Dana Doctor", referral.getRequester().getDisplay());
        assertEquals("Fay Cardiologist", referral.getPerformerFirstRep().getDisplay());
        assertEquals("2027-02-11", referral.getOccurrencePeriod().getEndElement().getValueAsString());
        assertEquals(Bundles.fullUrlOf(bundle, Bundles.only(bundle, Patient.class)), referral.getSubject().getReference());
    }

    @Test
    void ompBecomesAMedicationRequestWithDoseQuantityAndRefills() throws Exception {
        MedicationRequest rx = Bundles.only(MAPPER.toBundle(bytes("omp-o09-medication-order.hl7")), MedicationRequest.class);

        assertEquals(MedicationRequest.MedicationRequestStatus.ACTIVE, rx.getStatus());
        assertEquals("860975", rx.getMedicationCodeableConcept().getCodingFirstRep().getCode());
        assertEquals("http://www.nlm.nih.gov/research/umls/rxnorm",
                rx.getMedicationCodeableConcept().getCodingFirstRep().getSystem());
        var dose = rx.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
        assertEquals(0, new BigDecimal("500").compareTo(dose.getValue()));
        assertEquals("mg", dose.getCode());
        assertEquals("http://unitsofmeasure.org", dose.getSystem());
        assertEquals("PO", rx.getDosageInstructionFirstRep().getRoute().getCodingFirstRep().getCode());
        assertEquals(0, new BigDecimal("60").compareTo(rx.getDispenseRequest().getQuantity().getValue()));
        assertEquals(3, rx.getDispenseRequest().getNumberOfRepeatsAllowed());
        assertTrue(rx.getSubstitution().getAllowedBooleanType().booleanValue());
    }

    @Test
    void rdeBecomesAMedicationRequestKeyedOnThePlacerNumber() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("rde-o11-pharmacy-order.hl7"));
        MedicationRequest rx = Bundles.only(bundle, MedicationRequest.class);

        assertEquals("PUT MedicationRequest?identifier=urn:medrelay:hl7:id:MRH_EHR|RX7001",
                Bundles.requestUrls(bundle).get(2));
        assertEquals("197361", rx.getMedicationCodeableConcept().getCodingFirstRep().getCode());
        assertEquals(0, new BigDecimal("21").compareTo(rx.getDispenseRequest().getQuantity().getValue()));
        assertEquals(0, rx.getDispenseRequest().getNumberOfRepeatsAllowed());
        assertEquals("Every 8 hours", rx.getDosageInstructionFirstRep().getText());
    }
}
