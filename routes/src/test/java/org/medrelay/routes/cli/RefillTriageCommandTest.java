package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `medrelay refill triage FILE` against a sandbox FHIR server on loopback holding the chart: an HL7v2 OMP^O09 from
 * test-data and a FHIR MedicationRequest, each printed as exactly class, reasons and facts.
 */
class RefillTriageCommandTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private SandboxFhirServer ehr;
    private IGenericClient client;
    private Path config;
    private Path omp;
    private MedicationRequest mapped;
    private String patient;

    @BeforeEach
    void chartAndConfig() throws Exception {
        ehr = new SandboxFhirServer(SandboxFhirSettings.of("jdbc:h2:mem:ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "127.0.0.1", 0, "/fhir"), FHIR);
        ehr.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FHIR.newRestfulGenericClient(ehr.getBaseUrl());
        config = dir.resolve("application.properties");
        Files.writeString(config, "medrelay.data.dir=" + dir.resolve("data").toString().replace('\\', '/') + "\n"
                + "medrelay.security.patient-key-secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n"
                + "medrelay.fhir.base-url=http://127.0.0.1:1/fhir\n");
        omp = dir.resolve("omp-o09.hl7");
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/hl7v2/omp-o09-medication-order.hl7")) {
            Files.write(omp, in.readAllBytes());
        }
        // The patient as the engine wrote it from this message; the rest of the chart as the EHR holds it.
        Bundle bundle = new Hl7ToFhirMapper().toBundle(Files.readString(omp));
        Patient fromMessage = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
        mapped = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).findFirst().orElseThrow();
        patient = create(fromMessage);
    }

    @AfterEach
    void stop() {
        ehr.close();
    }

    private String create(Resource resource) {
        return client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
    }

    private static Date daysAgo(int days) {
        return Date.from(Instant.now().minus(Duration.ofDays(days)));
    }

    private static String dateDaysAgo(int days) {
        return LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(days)), ZoneId.systemDefault()).toString();
    }

    private void chart(int visitDaysAgo) {
        Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED).setSubject(new Reference(patient));
        visit.addParticipant().setIndividual(mapped.getRequester().copy());
        visit.setPeriod(new Period().setStart(daysAgo(visitDaysAgo)));
        create(visit);
        Observation a1c = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(patient))
                .setCode(new CodeableConcept(new Coding("http://loinc.org", "4548-4", "Hemoglobin A1c")))
                .setEffective(new DateTimeType(daysAgo(20))).setValue(new Quantity().setValue(6.9).setUnit("%"));
        create(a1c);
        MedicationRequest earlier = mapped.copy().setSubject(new Reference(patient)).setAuthoredOn(daysAgo(90));
        earlier.setIdentifier(new ArrayList<>());
        create(earlier);
    }

    private JsonNode onlyLine() throws Exception {
        String[] lines = streams.out().strip().split("\n");
        assertEquals(1, lines.length, streams.out());
        return JSON.readTree(lines[0]);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anOmpMessageWhosePatientHasNotSeenThePrescriberForMonthsNeedsAVisit() throws Exception {
        chart(400);

        int exit = MedRelayCli.execute("refill", "triage", omp.toString(), "--fhir-base-url", ehr.getBaseUrl(),
                "--config", config.toString());

        assertEquals(0, exit, streams.err());
        JsonNode result = onlyLine();
        assertEquals(List.of("class", "reasons", "facts"), fieldNames(result));
        assertEquals("needs-visit", result.get("class").asText());
        List<String> reasons = new ArrayList<>();
        result.get("reasons").forEach(r -> reasons.add(r.asText()));
        assertTrue(reasons.contains("diabetes: last visit with the prescriber " + dateDaysAgo(400) + ", more than 180 days ago"),
                reasons.toString());
        assertTrue(reasons.contains("diabetes: A1C on " + dateDaysAgo(20) + ", within 180 days"), reasons.toString());
        List<String> facts = new ArrayList<>();
        result.get("facts").forEach(f -> facts.add(f.get("fact").asText()));
        assertEquals(List.of("drug", "drug-class", "prescriber", "last-prescribed", "last-visit-with-prescriber", "last-A1C"), facts);
        boolean a1cFact = false;
        for (JsonNode fact : result.get("facts")) {
            if (fact.get("fact").asText().equals("last-A1C")) {
                assertEquals(dateDaysAgo(20) + ": 6.9 %", fact.get("value").asText());
                assertTrue(fact.get("reference").asText().startsWith("Observation/"));
                a1cFact = true;
            }
        }
        assertTrue(a1cFact, result.toString());
        assertChartReadsAudited();
    }

    @Test
    void aFhirMedicationRequestMeetingItsProtocolIsRoutine() throws Exception {
        chart(30);
        MedicationRequest request = mapped.copy().setSubject(new Reference(patient));
        request.setIdentifier(new ArrayList<>());
        Path json = dir.resolve("refill.json");
        Files.writeString(json, FHIR.newJsonParser().encodeResourceToString(request));

        int exit = MedRelayCli.execute("refill", "triage", json.toString(), "--fhir-base-url", ehr.getBaseUrl(),
                "--config", config.toString());

        assertEquals(0, exit, streams.err());
        JsonNode result = onlyLine();
        assertEquals("routine", result.get("class").asText(), result.toString());
        assertEquals("diabetes", result.get("facts").get(1).get("value").asText());
    }

    @Test
    void aFileThatIsNeitherHl7NorFhirExitsOneSayingSo() throws Exception {
        Path text = dir.resolve("note.txt");
        Files.writeString(text, "please refill my metformin");

        int exit = MedRelayCli.execute("refill", "triage", text.toString(), "--fhir-base-url", ehr.getBaseUrl(),
                "--config", config.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
        assertTrue(streams.err().lines().toList().contains("medrelay: note.txt: neither an HL7v2 message (MSH first) nor FHIR JSON"),
                streams.err());
    }

    private void assertChartReadsAudited() throws Exception {
        try (HikariDataSource store = EngineOnDisk.openStore(config)) {
            List<AuditEntry> reads = new AuditTrail(store).newestFirst(AuditQuery.ALL, 50).stream()
                    .filter(e -> e.event().action() == AuditAction.READ).toList();
            assertTrue(reads.stream().map(e -> e.event().target()).toList().containsAll(
                    List.of("Patient", patient, "Encounter", "Observation", "MedicationRequest")), reads.toString());
            assertTrue(reads.stream().allMatch(e -> e.event().actor().startsWith("os:")
                    && "CPOE|MRH_CLINIC|MSG00601".equals(e.event().sourceMessage())), reads.toString());
        }
    }
}
