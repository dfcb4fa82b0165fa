package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's refill-fhir-feed route against its sandbox EHR: a refill request the portal writes as a
 * MedicationRequest (intent proposal, category refill-request), for a patient the EHR has no visit for, becomes the
 * needs-visit items for the prescriber and scheduling, as the same request by OMP^O09 does; a prescription written
 * alongside (intent order) is left alone.
 */
class RefillFhirFeedEngineTest {

    @TempDir
    Path dataDir;

    @Test
    void aPortalRefillRequestInTheEhrBecomesNeedsVisitWorkItems() throws Exception {
        Map<String, String> overrides = Map.of("medrelay.refill.fhir-feed.enabled", "true",
                "medrelay.refill.fhir-feed.poll-ms", "200",
                "medrelay.refill.fhir-feed.start-from", Instant.now().minus(Duration.ofMinutes(1)).toString());
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, TestEngines.freePort(), TestEngines.freePort(),
                overrides)).start()) {
            IGenericClient ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
            Patient patient = new Patient();
            patient.addIdentifier(new Identifier().setSystem("urn:oid:2.16.840.1.113883.19.5").setValue("MRN-PORTAL-1"));
            patient.addName().setFamily("Testpatient").addGiven("Nora");
            String patientId = create(ehr, patient);
            create(ehr, medicationRequest(patientId, MedicationRequest.MedicationRequestIntent.ORDER, false));
            String requestId = create(ehr, medicationRequest(patientId, MedicationRequest.MedicationRequestIntent.PROPOSAL, true));

            WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (store.list(WorkItemQuery.all()).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // a few more polls: nothing more may come
            List<WorkItem> items = store.list(WorkItemQuery.all()).stream().sorted(Comparator.comparingLong(WorkItem::id)).toList();
            assertEquals(List.of(WorkQueue.CLINICIAN, WorkQueue.SCHEDULING), items.stream().map(WorkItem::queue).toList());
            WorkItem prescriber = items.get(0);
            assertEquals("refill-request", prescriber.type().code());
            assertEquals("needs-visit", prescriber.suiteResult().classification());
            assertEquals(requestId, prescriber.links().get(0).reference());
            assertEquals(patientId, prescriber.patient().reference());
            assertTrue(items.get(1).suiteResult().draft().text().startsWith("Dear Nora,"), items.get(1).suiteResult().draft().text());
        }
    }

    private static MedicationRequest medicationRequest(String patientId, MedicationRequest.MedicationRequestIntent intent,
                                                       boolean fromPortal) {
        MedicationRequest request = new MedicationRequest().setStatus(fromPortal ? MedicationRequest.MedicationRequestStatus.DRAFT
                : MedicationRequest.MedicationRequestStatus.ACTIVE).setIntent(intent);
        request.setSubject(new Reference(patientId));
        request.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "860975",
                "metFORMIN hydrochloride 500 MG Oral Tablet")).setText("metFORMIN hydrochloride 500 MG Oral Tablet"));
        request.setRequester(new Reference().setIdentifier(new Identifier().setSystem("http://hl7.org/fhir/sid/us-npi")
                .setValue("1987654321")).setDisplay("Dr Evan Physician"));
        if (fromPortal) {
            request.addCategory(new CodeableConcept(new Coding("urn:medrelay:refill", "refill-request", null)));
        }
        return request;
    }

    private static String create(IGenericClient ehr, Resource resource) {
        return ehr.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
    }
}
