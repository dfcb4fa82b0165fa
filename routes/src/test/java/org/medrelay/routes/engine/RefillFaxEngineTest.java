package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refill-request faxes on the real engine: a corpus fax (synthetic text PDF) put in the drop folder, matched to one
 * chart in the engine's EHR, is filed and triaged against the refill protocols and that chart, and becomes the refill
 * workflow's prescriber item with its class, reasons and chart facts, linked to the filed fax; a fax whose drug no
 * protocol covers still reaches the clinician, saying why. With {@code medrelay.fax.refill-triage} off the fax stays a
 * fax work item for the clinician.
 */
class RefillFaxEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CORPUS = "/medrelay-test-data/fax/files/";

    @TempDir
    static Path dir;

    private static MedRelayEngine engine;
    private static IGenericClient ehr;

    @BeforeAll
    static void start() throws Exception {
        EngineProperties props = TestEngines.embedded(dir.resolve("data"), TestEngines.freePort(), TestEngines.freePort(),
                Map.of("medrelay.fax.drop-folder.poll-ms", "200", "medrelay.fax.drop-folder.read-lock-check-ms", "200"));
        engine = new MedRelayEngine(props).start();
        ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aStatinRefillFaxIsTriagedAgainstTheChartIntoThePrescribersRefillItem() throws Exception {
        // refill-request-08: Maria Okoncroix, 1964-06-03, member VGQ255397470, "Lisinopril 10 mg tablet"
        String patient = register("Maria", "Okoncroix", "1964-06-03", "VGQ255397470");
        LocalDate labDay = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        LocalDate bpDay = LocalDate.now(ZoneOffset.UTC).minusDays(400);
        String creatinine = observation(patient, "2160-0", labDay, "0.9", "mg/dL");
        String bloodPressure = observation(patient, "8480-6", bpDay, "128", "mm[Hg]");
        String earlier = earlierPrescription(patient, "lisinopril 10 MG Oral Tablet", LocalDate.now(ZoneOffset.UTC).minusDays(200));
        byte[] fax = corpus("refill-request-08.pdf");

        drop("ace-inhibitor-refill.pdf", fax);

        List<WorkItem> items = await("the refill work items", () -> Optional.of(itemsFor(sha256(fax))).filter(l -> !l.isEmpty()));
        assertEquals(1, items.size(), "needs-review: no scheduling item");
        WorkItem item = items.get(0);
        assertEquals("refill-request", item.type().code());
        assertEquals("refills", item.workflow(), "the refill workflow's item, not a fax item");
        assertEquals(WorkQueue.CLINICIAN, item.queue());
        assertEquals("Patient/" + patient, item.patient().reference());
        assertEquals("needs-review", item.suiteResult().classification());
        assertEquals(0.0, item.suiteResult().confidence());
        List<String> reasons = item.suiteResult().reasons();
        assertTrue(reasons.contains("the request names no prescriber"), reasons.toString());
        assertTrue(reasons.contains("ace-inhibitor: metabolic panel on " + labDay + ", within 365 days"), reasons.toString());
        assertTrue(reasons.contains("ace-inhibitor: last blood pressure " + bpDay + ", more than 365 days ago"), reasons.toString());
        assertTrue(reasons.contains("prescribed before, on " + LocalDate.now(ZoneOffset.UTC).minusDays(200)), reasons.toString());
        assertTrue(reasons.contains("drug: Lisinopril 10 mg tablet"), reasons.toString());
        assertTrue(reasons.contains("drug-class: ace-inhibitor"), reasons.toString());
        assertTrue(reasons.contains("last-metabolic-panel: " + labDay + ": 0.9 mg/dL"), reasons.toString());
        assertTrue(reasons.contains("last-blood-pressure: " + bpDay + ": 128 mm[Hg]"), reasons.toString());

        DocumentReference document = document(sha256(fax)).orElseThrow();
        assertEquals("Patient/" + patient, document.getSubject().getReference());
        List<String> links = item.links().stream().map(WorkItemLink::reference).toList();
        assertEquals("DocumentReference/" + document.getIdElement().getIdPart(), links.get(0), links.toString());
        assertTrue(links.get(1).startsWith("fax-file/"), links.toString());
        assertTrue(links.contains("Observation/" + creatinine), links.toString());
        assertTrue(links.contains("Observation/" + bloodPressure), links.toString());
        assertTrue(links.contains("MedicationRequest/" + earlier), links.toString());
        assertTrue(item.sourceMessageKey().startsWith("fax-file/"));
        String draft = item.suiteResult().draft().text();
        assertTrue(draft.contains("\"resourceType\":\"MedicationRequest\"") && draft.contains("Lisinopril 10 mg tablet")
                && draft.contains("Patient/" + patient), draft);
    }

    @Test
    void aRefillFaxForADrugNoProtocolCoversStillReachesTheClinicianWithTheReason() throws Exception {
        // refill-request-16: Greta Whitmund, 1990-11-06, member KPP251963886, "Omeprazole 20 mg capsule"
        String patient = register("Greta", "Whitmund", "1990-11-06", "KPP251963886");
        byte[] fax = corpus("refill-request-16.pdf");

        drop("ppi-refill.pdf", fax);

        List<WorkItem> items = await("the refill work item", () -> Optional.of(itemsFor(sha256(fax))).filter(l -> !l.isEmpty()));
        assertEquals(1, items.size());
        WorkItem item = items.get(0);
        assertEquals(WorkQueue.CLINICIAN, item.queue());
        assertEquals("refill-request", item.type().code());
        assertEquals("Patient/" + patient, item.patient().reference());
        assertEquals("needs-review", item.suiteResult().classification());
        List<String> reasons = item.suiteResult().reasons();
        assertTrue(reasons.contains("no refill protocol covers Omeprazole 20 mg capsule"), reasons.toString());
        assertTrue(reasons.contains("last-prescribed: none"), reasons.toString());
        assertFalse(reasons.stream().anyMatch(r -> r.startsWith("drug-class:")), reasons.toString());
        assertTrue(item.links().get(0).reference().startsWith("DocumentReference/"), item.links().toString());
    }

    @Test
    void withRefillTriageOffARefillFaxStaysAFaxItemForTheClinician(@TempDir Path otherDir) throws Exception {
        EngineProperties props = TestEngines.embedded(otherDir.resolve("data"), TestEngines.freePort(), TestEngines.freePort(),
                Map.of("medrelay.fax.drop-folder.poll-ms", "200", "medrelay.fax.drop-folder.read-lock-check-ms", "200",
                        "medrelay.fax.refill-triage", "false"));
        try (MedRelayEngine off = new MedRelayEngine(props).start()) {
            IGenericClient offEhr = FhirContext.forR4Cached().newRestfulGenericClient(off.fhirBaseUrl());
            // refill-request-01: Greta Vasgawa, 1935-09-05, member GCF859236902, "Amlodipine 5 mg tablet"
            Patient patient = new Patient();
            patient.addIdentifier().setSystem("urn:medrelay:hl7:id:TESTPLAN").setValue("GCF859236902");
            patient.addName().setFamily("Vasgawa").addGiven("Greta");
            patient.getBirthDateElement().setValueAsString("1935-09-05");
            String patientId = offEhr.create().resource(patient).execute().getId().getIdPart();
            Path drop = otherDir.resolve("data/fax/drop");
            Files.createDirectories(drop);
            Files.write(drop.resolve(".copying"), corpus("refill-request-01.pdf"));
            Files.move(drop.resolve(".copying"), drop.resolve("amlodipine-refill.pdf"));

            WorkItemStore store = off.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
            WorkItem item = await("the fax work item", () -> store.list(WorkItemQuery.all()).stream().findFirst());
            assertEquals("fax", item.workflow());
            assertEquals("refill-request", item.type().code());
            assertEquals(WorkQueue.CLINICIAN, item.queue());
            assertEquals("Patient/" + patientId, item.patient().reference());
            assertEquals("refill-request", item.suiteResult().classification());
            assertTrue(item.suiteResult().reasons().contains("medication: Amlodipine 5 mg tablet"), item.suiteResult().reasons().toString());
        }
    }

    /** The engine's EHR does not search by name and birth date: the fax is matched by its member id. */
    private static String register(String given, String family, String birthDate, String memberId) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:medrelay:hl7:id:TESTPLAN").setValue(memberId);
        patient.addName().setFamily(family).addGiven(given);
        patient.getBirthDateElement().setValueAsString(birthDate);
        return ehr.create().resource(patient).execute().getId().getIdPart();
    }

    private static String observation(String patient, String loinc, LocalDate day, String value, String unit) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding().setSystem("http://loinc.org").setCode(loinc);
        observation.setSubject(new Reference("Patient/" + patient));
        // noon UTC: the same calendar day in the engine's zone
        observation.setEffective(new DateTimeType(day + "T12:00:00Z"));
        observation.setValue(new Quantity().setValue(new java.math.BigDecimal(value)).setUnit(unit));
        return ehr.create().resource(observation).execute().getId().getIdPart();
    }

    private static String earlierPrescription(String patient, String drug, LocalDate day) {
        MedicationRequest earlier = new MedicationRequest();
        earlier.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        earlier.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        earlier.getMedicationCodeableConcept().setText(drug);
        earlier.setSubject(new Reference("Patient/" + patient));
        earlier.setAuthoredOnElement(new DateTimeType(day + "T12:00:00Z"));
        return ehr.create().resource(earlier).execute().getId().getIdPart();
    }

    private static void drop(String name, byte[] fax) throws Exception {
        Path drop = dir.resolve("data/fax/drop");
        Files.createDirectories(drop);
        Files.write(drop.resolve(".copying"), fax);
        Files.move(drop.resolve(".copying"), drop.resolve(name));
    }

    /** The items whose source is the fax the DocumentReference with this SHA-256 was filed from, oldest first. */
    private static List<WorkItem> itemsFor(String sha256) throws Exception {
        Optional<DocumentReference> document = document(sha256);
        if (document.isEmpty()) {
            return List.of();
        }
        String reference = "DocumentReference/" + document.get().getIdElement().getIdPart();
        WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
        return store.list(WorkItemQuery.all()).stream()
                .filter(i -> i.links().stream().anyMatch(l -> reference.equals(l.reference())))
                .sorted(Comparator.comparingLong(WorkItem::id)).toList();
    }

    private static byte[] corpus(String name) throws Exception {
        try (InputStream in = RefillFaxEngineTest.class.getResourceAsStream(CORPUS + name)) {
            return in.readAllBytes();
        }
    }

    private static Optional<DocumentReference> document(String sha256) {
        return ehr.search().forResource(DocumentReference.class)
                .where(DocumentReference.IDENTIFIER.exactly().systemAndIdentifier("urn:medrelay:fax", sha256))
                .returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> (DocumentReference) e.getResource()).findFirst();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.call();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
