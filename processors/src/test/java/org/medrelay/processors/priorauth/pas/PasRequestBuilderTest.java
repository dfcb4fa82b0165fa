package org.medrelay.processors.priorauth.pas;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.priorauth.PriorAuthCheck;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.PriorAuthRequirements;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PAS request for a fhir-pas order: chart facts read from an EHR (the sandbox HAPI FHIR server on loopback),
 * referenced, never restated; the Claim built from the order; the clinician's narrative marked.
 */
class PasRequestBuilderTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private static SandboxFhirServer ehrServer;
    private static IGenericClient ehr;

    @BeforeAll
    static void chartInTheEhr() {
        ehrServer = new SandboxFhirServer(SandboxFhirSettings.of("jdbc:h2:mem:pas-ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "127.0.0.1", 0, "/fhir"), FHIR);
        ehrServer.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        ehr = FHIR.newRestfulGenericClient(ehrServer.getBaseUrl());
        String patient = ehr.create().resource(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Notreal")))
                .execute().getId().toUnqualifiedVersionless().getValue();
        String other = ehr.create().resource(new Patient()).execute().getId().toUnqualifiedVersionless().getValue();
        ChartOf.patient = patient;
        create(new Condition().setCode(code("http://hl7.org/fhir/sid/icd-10-cm", "E11.9", "Type 2 diabetes"))
                .setSubject(new Reference(patient)));
        create(new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(code("http://loinc.org", "4548-4", "Hemoglobin A1c")).setSubject(new Reference(patient))
                .setEffective(new DateTimeType("2026-10-25")));
        create(new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(code("http://loinc.org", "4548-4", "Hemoglobin A1c")).setSubject(new Reference(patient))
                .setEffective(new DateTimeType("2024-01-10")));
        create(new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
                .setMedication(code("http://www.nlm.nih.gov/research/umls/rxnorm", "310431", "gabapentin 300 MG"))
                .setSubject(new Reference(patient)).setAuthoredOnElement(new DateTimeType("2026-09-20")));
        create(new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED)
                .setCode(code("http://www.ama-assn.org/go/cpt", "97110", "Therapeutic exercises"))
                .setSubject(new Reference(patient)).setPerformed(new DateTimeType("2026-10-01")));
        create(new Encounter().setStatus(Encounter.EncounterStatus.FINISHED).setSubject(new Reference(patient))
                .setPeriod(new Period().setStartElement(new DateTimeType("2026-11-04"))));
        create(new Condition().setCode(code("http://hl7.org/fhir/sid/icd-10-cm", "J45.909", "Asthma"))
                .setSubject(new Reference(other)));
    }

    /** The EHR's id of the synthetic patient whose chart the tests read. */
    static final class ChartOf {
        static String patient;
    }

    @AfterAll
    static void stopEhr() {
        ehrServer.stop();
    }

    private static void create(Resource resource) {
        ehr.create().resource(resource).execute();
    }

    private static CodeableConcept code(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    static Bundle orderBundle() throws IOException {
        try (InputStream in = PasRequestBuilderTest.class.getResourceAsStream("/medrelay-test-data/priorauth/servicerequest-mri-pas-bundle.json")) {
            return FHIR.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static PriorAuthDecision decision(Bundle orders) {
        return new PriorAuthCheck(PriorAuthRequirements.shipped()).check(orders).get(0);
    }

    @Test
    void chartFactsAreTheRecordsOfThisPatientWithinTheLookback() {
        ChartFacts facts = new ChartFactsGatherer(ehr, 365, 10, 100).gather(ChartOf.patient, TODAY);

        assertEquals(List.of("E11.9"), facts.conditions().stream().map(r -> ((Condition) r).getCode().getCodingFirstRep().getCode()).toList());
        assertEquals(1, facts.observations().size(), "the A1c of 2024 is older than the lookback");
        assertEquals("2026-10-25", ((Observation) facts.observations().get(0)).getEffectiveDateTimeType().getValueAsString());
        assertEquals(1, facts.medicationHistory().size());
        assertEquals(1, facts.procedures().size());
        assertEquals(1, facts.encounters().size());
    }

    @Test
    void pasBundleHasTheClaimFirstThenTheOrderPartiesAndTheFactsByReference() throws IOException {
        Bundle orders = orderBundle();
        PriorAuthDecision decision = decision(orders);
        assertEquals(SubmissionChannel.FHIR_PAS, decision.channel());
        ChartFacts facts = new ChartFactsGatherer(ehr, 365, 10, 100).gather(ChartOf.patient, TODAY);

        Bundle pas = new PasRequestBuilder().build(orders, decision, facts, false, "17", TODAY);

        assertEquals(Bundle.BundleType.COLLECTION, pas.getType());
        assertEquals("17", pas.getIdentifier().getValue());
        Claim claim = (Claim) pas.getEntryFirstRep().getResource();
        assertEquals(Claim.Use.PREAUTHORIZATION, claim.getUse());
        assertEquals("normal", claim.getPriority().getCodingFirstRep().getCode());
        assertEquals("72148", claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode());
        assertEquals("http://www.ama-assn.org/go/cpt", claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getSystem());
        assertEquals("2026-12-10", claim.getItemFirstRep().getServicedDateType().getValueAsString());
        assertEquals(1, claim.getItemFirstRep().getQuantity().getValue().intValue());
        assertEquals("urn:uuid:0b7e3f10-2222-4d5e-8a11-000000000005",
                ((Reference) claim.getItemFirstRep().getExtensionByUrl(PasRequestBuilder.REQUESTED_SERVICE).getValue()).getReference());
        assertEquals("urn:uuid:0b7e3f10-2222-4d5e-8a11-000000000004", claim.getDiagnosisFirstRep().getDiagnosisReference().getReference());
        assertEquals("urn:uuid:0b7e3f10-2222-4d5e-8a11-000000000001", claim.getPatient().getReference());
        assertEquals("urn:uuid:0b7e3f10-2222-4d5e-8a11-000000000002", claim.getInsuranceFirstRep().getCoverage().getReference());

        Set<String> types = pas.getEntry().stream().map(e -> e.getResource().fhirType()).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("Claim", "ServiceRequest", "Patient", "Coverage", "Practitioner", "Organization",
                "Condition", "Observation", "MedicationRequest", "Procedure", "Encounter")), types.toString());
        Organization payer = pas.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Organization.class::isInstance).map(Organization.class::cast).findFirst().orElseThrow();
        assertEquals("12345", payer.getIdentifierFirstRep().getValue());
        assertEquals(claim.getInsurer().getReference(), entryUrl(pas, payer));
        assertEquals(claim.getProvider().getReference(), entryUrl(pas, pas.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Practitioner.class::isInstance).findFirst().orElseThrow()));

        // 5 facts from the chart, each by the EHR's own address, then the narrative for the clinician
        List<Claim.SupportingInformationComponent> info = claim.getSupportingInfo();
        assertEquals(6, info.size());
        for (Claim.SupportingInformationComponent fact : info.subList(0, 5)) {
            String reference = fact.getValueReference().getReference();
            assertTrue(reference.startsWith(ehrServer.getBaseUrl() + "/"), reference);
            assertTrue(pas.getEntry().stream().anyMatch(e -> reference.equals(e.getFullUrl())), reference);
        }
        assertTrue(info.get(5).getValueStringType().getValue().startsWith(PasRequestBuilder.NARRATIVE_MARK
                + " The payer asks for: clinical notes from the last 60 days; conservative treatment tried"));
        assertFalse(FHIR.newJsonParser().encodeResourceToString(pas).contains("Asthma"), "another patient's chart");
    }

    @Test
    void aDraftIsHeldUntilTheClinicianWritesTheNarrative() throws IOException {
        Bundle orders = orderBundle();
        Bundle pas = new PasRequestBuilder().build(orders, decision(orders), ChartFacts.NONE, true, "18", TODAY);
        assertTrue(PasRequestBuilder.hasUnwrittenNarrative(pas));
        assertEquals("stat", ((Claim) pas.getEntryFirstRep().getResource()).getPriority().getCodingFirstRep().getCode());

        Claim claim = (Claim) pas.getEntryFirstRep().getResource();
        claim.getSupportingInfo().get(claim.getSupportingInfo().size() - 1)
                .setValue(new StringType("Six weeks of physical therapy without relief; progressive L5 weakness."));

        assertFalse(PasRequestBuilder.hasUnwrittenNarrative(pas));
    }

    @Test
    void anOrderWithoutCoverageIsRefusedWithTheReason() throws IOException {
        Bundle orders = orderBundle();
        PriorAuthDecision decision = decision(orders);
        orders.getEntry().removeIf(e -> e.getResource() instanceof Coverage);
        ((ServiceRequest) orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ServiceRequest.class::isInstance).findFirst().orElseThrow()).getInsurance().clear();

        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PasRequestBuilder().build(orders, decision, ChartFacts.NONE, false, "19", TODAY));
        assertEquals("order ORD7001 has no Coverage in the bundle", refused.getMessage());
    }

    private static String entryUrl(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow().getFullUrl();
    }
}
