package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fax intake matching by name and date of birth alone, now that the sandbox EHR answers
 * {@code Patient?family=&birthdate=}: corpus imaging reports carry neither MRN nor member id, only "Name:" and
 * "Date of Birth:". One chart with that name and birth date is a clear match (0.5, the default minimum); two charts
 * with the same name and birth date are ambiguous and go to a person with both. The charts carry MRNs the faxes do
 * not, so no identifier search can find them.
 */
class FaxPatientMatchByNameTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CORPUS = "/medrelay-test-data/fax/files/";

    @TempDir
    static Path dir;

    private static MedRelayEngine engine;
    private static IGenericClient ehr;
    private static CapturedOutput output;

    @BeforeAll
    static void start() throws Exception {
        output = new CapturedOutput();
        EngineProperties props = TestEngines.embedded(dir.resolve("data"), TestEngines.freePort(), TestEngines.freePort(),
                Map.of("medrelay.fax.drop-folder.poll-ms", "200", "medrelay.fax.drop-folder.read-lock-check-ms", "200"));
        engine = new MedRelayEngine(props).start();
        ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
    }

    @AfterAll
    static void stopAndCheckTheLogs() throws Exception {
        if (engine != null) {
            engine.close();
        }
        List<String> text = new ArrayList<>();
        output.logLines().forEach(line -> text.add(line.logger() + ": " + line.text()));
        text.add(output.console());
        output.close();
        assertTrue(text.stream().noneMatch(t -> t.contains("refused a Patient search")),
                "the sandbox EHR answers the search by family and birthdate");
        List<String> phi = List.of("Haleau", "Haletti", "1949-04-16", "1961-11-08");
        assertEquals(List.of(), text.stream().filter(t -> phi.stream().anyMatch(t::contains)).toList(), "PHI in log output");
    }

    /** imaging-report-08: "Name: Yolanda Haleau  Date of Birth: 04/16/1949", no MRN or member id. */
    @Test
    void aFaxWithOnlyNameAndBirthDateIsFiledOnTheOneChartThatFits() throws Exception {
        String patientId = register("Yolanda", "Haleau", "1949-04-16", "81000001");
        register("Yolanda", "Haleau", "1949-04-17", "81000002");
        register("Yolanda", "Halvorsen", "1949-04-16", "81000003");
        byte[] fax = corpus("imaging-report-08.pdf");

        Map<String, Object> row = dropAndAwait(fax, "imaging-by-name.pdf");

        WorkItem item = itemsOf(row).get(0);
        assertEquals("Patient/" + patientId, item.patient().reference(), item.suiteResult().reasons().toString());
        assertTrue(item.suiteResult().reasons().get(0).contains("(Patient/" + patientId
                + ": 0.50 (birth date, family name, given name))"), item.suiteResult().reasons().toString());
        DocumentReference document = ehr.search().forResource(DocumentReference.class)
                .where(DocumentReference.SUBJECT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute()
                .getEntry().stream().map(e -> (DocumentReference) e.getResource()).findFirst().orElseThrow();
        assertEquals("FILED", row.get("STATUS"));
        assertEquals("application/pdf", document.getContentFirstRep().getAttachment().getContentType());
    }

    /** imaging-report-32: "Name: Tamsin Haletti  Date of Birth: 11/08/1961", and two charts fit it equally. */
    @Test
    void twoChartsWithTheSameNameAndBirthDateGoToAPersonWithBoth() throws Exception {
        String first = register("Tamsin", "Haletti", "1961-11-08", "82000001");
        String second = register("Tamsin", "Haletti", "1961-11-08", "82000002");

        Map<String, Object> row = dropAndAwait(corpus("imaging-report-32.pdf"), "imaging-two-charts.pdf");

        assertEquals("TRIAGED", row.get("STATUS"));
        WorkItem item = itemsOf(row).get(0);
        assertEquals("fax-triage", item.type().code());
        assertEquals(WorkQueue.RECORDS, item.queue());
        assertFalse(item.patient().identified(), "nobody chose between the two charts");
        List<String> reasons = item.suiteResult().reasons();
        assertEquals("patient match: ambiguous: 2 candidate(s)", reasons.get(0));
        assertTrue(reasons.contains("candidate Patient/" + first + ": 0.50 (birth date, family name, given name)"), reasons.toString());
        assertTrue(reasons.contains("candidate Patient/" + second + ": 0.50 (birth date, family name, given name)"), reasons.toString());
        List<String> candidates = item.links().stream().filter(l -> l.kind() == WorkItemLink.Kind.FHIR_RESOURCE)
                .map(WorkItemLink::reference).sorted().toList();
        assertEquals(List.of("Patient/" + first, "Patient/" + second).stream().sorted().toList(), candidates);
        assertEquals(0, ehr.search().forResource(DocumentReference.class).where(DocumentReference.SUBJECT.hasId("Patient/" + first))
                .returnBundle(Bundle.class).execute().getEntry().size(), "nothing is filed on a chart nobody chose");
    }

    private static String register(String given, String family, String birthDate, String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:medrelay:hl7:id:MRH").setValue(mrn).getType().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        patient.addName().setFamily(family).addGiven(given);
        patient.getBirthDateElement().setValueAsString(birthDate);
        return ehr.create().resource(patient).execute().getId().getIdPart();
    }

    private static byte[] corpus(String name) throws Exception {
        try (InputStream in = FaxPatientMatchByNameTest.class.getResourceAsStream(CORPUS + name)) {
            return in.readAllBytes();
        }
    }

    /** Drops the fax as a fax server would (written aside, then renamed) and waits for its fax_file row. */
    private static Map<String, Object> dropAndAwait(byte[] fax, String fileName) throws Exception {
        Path drop = dir.resolve("data/fax/drop");
        Files.createDirectories(drop);
        Files.write(drop.resolve(".copying-" + fileName), fax);
        Files.move(drop.resolve(".copying-" + fileName), drop.resolve(fileName));
        await("the fax moved to .done", () -> Files.exists(drop.resolve(".done/" + fileName)) ? Optional.of(true) : Optional.empty());
        return faxRow(fileName).orElseThrow();
    }

    private static List<WorkItem> itemsOf(Map<String, Object> faxRow) throws Exception {
        WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
        String source = "fax-file/" + faxRow.get("ID");
        return store.list(WorkItemQuery.all()).stream().filter(i -> source.equals(i.sourceMessageKey())).toList();
    }

    private static Optional<Map<String, Object>> faxRow(String fileName) throws Exception {
        DataSource store = engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", DataSource.class);
        try (Connection c = store.getConnection();
             PreparedStatement select = c.prepareStatement("select * from fax_file where file_name = ?")) {
            select.setString(1, fileName);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(Locale.ROOT), rs.getObject(i));
                }
                return Optional.of(row);
            }
        }
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        return Awaits.until(what, TIMEOUT, probe);
    }
}
