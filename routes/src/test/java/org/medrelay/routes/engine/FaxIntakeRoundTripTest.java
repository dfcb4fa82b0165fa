package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.OrderedService;
import org.medrelay.processors.priorauth.PayerPlan;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.NewPriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fax intake on the real engine: corpus faxes (synthetic text PDFs) arrive in the fax server's SFTP drop (Apache MINA
 * SSHD on 127.0.0.1) or the local drop folder and end, for one clear patient match, as a DocumentReference with the
 * original on the patient's chart in the engine's EHR and a work item in the type's queue; a fax the engine cannot read
 * is kept (raw copy, store row) and triaged; a fax whose member id, name and birth date fit two charts (a duplicate
 * chart) goes to a person with both candidates. The same fax delivered again is processed once. Nothing the engine logs names a patient.
 */
class FaxIntakeRoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CORPUS = "/medrelay-test-data/fax/files/";

    @TempDir
    static Path dir;

    private static TestClearinghouse faxServer;
    private static MedRelayEngine engine;
    private static IGenericClient ehr;
    private static CapturedOutput output;

    @BeforeAll
    static void start() throws Exception {
        output = new CapturedOutput();
        faxServer = new TestClearinghouse(dir.resolve("sftp"), request -> null);
        Map<String, String> overrides = new HashMap<>();
        overrides.put("medrelay.fax.sftp.enabled", "true");
        overrides.put("medrelay.fax.sftp.host", "127.0.0.1");
        overrides.put("medrelay.fax.sftp.port", String.valueOf(faxServer.port()));
        overrides.put("medrelay.fax.sftp.username", TestClearinghouse.USER);
        overrides.put("medrelay.fax.sftp.password", TestClearinghouse.PASSWORD);
        overrides.put("medrelay.fax.sftp.strict-host-key-checking", "no");
        overrides.put("medrelay.fax.sftp.use-user-known-hosts-file", "false");
        overrides.put("medrelay.fax.sftp.inbox", "inbox");
        overrides.put("medrelay.fax.sftp.inbox-poll-ms", "200");
        overrides.put("medrelay.fax.sftp.read-lock-check-ms", "200");
        overrides.put("medrelay.fax.drop-folder.poll-ms", "200");
        overrides.put("medrelay.fax.drop-folder.read-lock-check-ms", "200");
        EngineProperties props = TestEngines.embedded(dir.resolve("data"), TestEngines.freePort(), TestEngines.freePort(), overrides);
        engine = new MedRelayEngine(props).start();
        ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
    }

    @AfterAll
    static void stopAndScanTheLogsForPhi() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (faxServer != null) {
            faxServer.close();
        }
        List<String> text = new ArrayList<>();
        output.logLines().forEach(line -> text.add(line.logger() + ": " + line.text()));
        text.add(output.console());
        output.close();
        List<String> phi = List.of("Kowalby", "Ziellanos", "Rathton", "53621684", "IJK429887060", "FVC185548823", "PA2026224087",
                "2001-05-01", "1964-04-11");
        List<String> leaks = text.stream().flatMap(t -> phi.stream().filter(t::contains).map(v -> v + " in: "
                + t.substring(Math.max(0, t.indexOf(v) - 80), Math.min(t.length(), t.indexOf(v) + 40)))).toList();
        assertEquals(List.of(), leaks, "PHI in log or console output");
        assertTrue(text.stream().anyMatch(t -> t.contains("filed as DocumentReference/")), "the scan read the fax lines");
    }

    @Test
    void aLabResultFromTheSftpDropIsFiledOnTheMatchedChartAndGoesToTheClinicianOnce() throws Exception {
        String patientId = register("Samuel", "Kowalby", "2001-05-01", "53621684");
        byte[] fax = corpus("lab-result-00.pdf");
        Files.writeString(faxServer.inbox().resolve("20261124-0915-0001.properties"),
                "sender-fax=+1 555 0100 123\nreceived=2026-11-24T09:15:02-05:00\npages=2\n");
        faxServer.deliver("20261124-0915-0001.pdf", fax);

        await("the fax moved to .done", () -> exists(faxServer.inbox().resolve(".done/20261124-0915-0001.pdf")));
        assertTrue(Files.exists(faxServer.inbox().resolve(".done/20261124-0915-0001.properties")), "the sidecar goes with it");
        Map<String, Object> row = faxRow("20261124-0915-0001.pdf").orElseThrow();
        assertEquals("FILED", row.get("STATUS"));
        assertEquals("lab-result", row.get("FAX_TYPE"));
        assertEquals("+1 555 0100 123", row.get("SENDER_FAX"));
        assertEquals(2, ((Number) row.get("SIDECAR_PAGE_COUNT")).intValue());
        assertEquals(2, ((Number) row.get("PAGE_COUNT")).intValue());
        assertTrue(Files.exists(Path.of((String) row.get("RAW_COPY"))), "the sealed raw copy is kept");

        DocumentReference document = document(sha256(fax)).orElseThrow();
        assertEquals("Patient/" + patientId, document.getSubject().getReference());
        assertEquals("lab-result", document.getType().getCoding().stream()
                .filter(c -> "urn:medrelay:fax-type".equals(c.getSystem())).findFirst().orElseThrow().getCode());
        assertEquals("11502-2", document.getType().getCodingFirstRep().getCode());
        assertEquals("application/pdf", document.getContentFirstRep().getAttachment().getContentType());
        assertArrayEquals(fax, document.getContentFirstRep().getAttachment().getData(), "the original is attached");
        assertTrue(document.getDescription().startsWith("Fax from +1 555 0100 123, 2 page(s), lab-result"), document.getDescription());
        assertEquals("Arjun Okondown, MD", document.getAuthorFirstRep().getDisplay());
        assertEquals(Instant.parse("2026-11-24T14:15:02Z"), document.getDate().toInstant());
        String documentId = document.getIdElement().toUnqualifiedVersionless().getValue();
        assertAudited(AuditAction.CREATE, documentId);

        List<WorkItem> items = itemsOf(row);
        assertEquals(1, items.size());
        WorkItem item = items.get(0);
        assertEquals("lab-result", item.type().code());
        assertEquals(WorkQueue.CLINICIAN, item.queue());
        assertEquals("fax", item.workflow());
        assertEquals("Patient/" + patientId, item.patient().reference());
        assertEquals("lab-result", item.suiteResult().classification());
        assertTrue(item.suiteResult().confidence() >= 0.8, "routed above the triage threshold");
        List<String> reasons = item.suiteResult().reasons();
        assertTrue(reasons.get(0).startsWith("fax lab-result, filed on the matched chart (Patient/" + patientId
                + ": 1.00 (mrn, birth date, family name, given name))"), reasons.get(0));
        assertTrue(reasons.contains("mrn: 53621684"), reasons.toString());
        assertTrue(reasons.contains("sender fax: +1 555 0100 123"), reasons.toString());
        assertTrue(item.links().contains(WorkItemLink.document(documentId, "the fax, filed on the chart")), item.links().toString());

        // the same fax again under another name: taken from the drop, not filed or routed twice
        faxServer.deliver("20261124-0916-0002.pdf", fax);
        await("the copy moved to .done", () -> exists(faxServer.inbox().resolve(".done/20261124-0916-0002.pdf")));
        assertTrue(faxRow("20261124-0916-0002.pdf").isEmpty(), "a duplicate is not recorded as a fax of its own");
        assertEquals(1, itemsOf(row).size());
        assertEquals(1, ehr.search().forResource(DocumentReference.class).where(DocumentReference.SUBJECT.hasId("Patient/" + patientId))
                .returnBundle(Bundle.class).execute().getEntry().size());
    }

    @Test
    void aFaxTheEngineCannotReadIsKeptAndTriaged() throws Exception {
        byte[] broken = "%PDF-1.4\n% a fax the server cut short\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.ISO_8859_1);
        faxServer.deliver("20261124-0920-0003.pdf", broken);

        await("the fax moved to .done", () -> exists(faxServer.inbox().resolve(".done/20261124-0920-0003.pdf")));
        Map<String, Object> row = faxRow("20261124-0920-0003.pdf").orElseThrow();
        assertEquals("TRIAGED", row.get("STATUS"));
        assertEquals("other", row.get("FAX_TYPE"));
        assertTrue(((String) row.get("OUTCOME")).contains(": unreadable: "), (String) row.get("OUTCOME"));
        assertTrue(Files.exists(Path.of((String) row.get("RAW_COPY"))), "the sealed raw copy is kept");
        assertTrue(document(sha256(broken)).isEmpty());
        List<WorkItem> items = itemsOf(row);
        assertEquals(1, items.size());
        WorkItem item = items.get(0);
        assertEquals("fax-triage", item.type().code());
        assertEquals(WorkQueue.RECORDS, item.queue());
        assertFalse(item.patient().identified(), "nobody is matched to a fax nobody could read");
        assertTrue(item.suiteResult().reasons().get(0).startsWith("unreadable: "), item.suiteResult().reasons().toString());
        assertEquals(0.0, item.suiteResult().confidence());
        assertTrue(item.links().stream().anyMatch(l -> l.reference().equals("fax-file/" + row.get("ID"))), item.links().toString());
    }

    @Test
    void aReferralThatFitsTwoChartsGoesToAPersonWithBothCandidates() throws Exception {
        // a duplicate chart: the same person registered twice, the member id on both
        String first = register("Luis", "Ziellanos", "1964-04-11", "70000001", "IJK429887060");
        String second = register("Luis", "Ziellanos", "1964-04-11", "70000002", "IJK429887060");
        byte[] fax = corpus("referral-09.pdf");
        Path drop = dir.resolve("data/fax/drop");
        Files.createDirectories(drop);
        Files.write(drop.resolve(".copying"), fax);
        Files.move(drop.resolve(".copying"), drop.resolve("referral-in.pdf"));

        await("the fax moved to .done", () -> exists(drop.resolve(".done/referral-in.pdf")));
        Map<String, Object> row = faxRow("referral-in.pdf").orElseThrow();
        assertEquals("TRIAGED", row.get("STATUS"));
        assertEquals("referral", row.get("FAX_TYPE"));
        assertEquals("drop-folder", row.get("SOURCE"));
        assertTrue(document(sha256(fax)).isEmpty(), "nothing is filed on a chart nobody chose");
        WorkItem item = itemsOf(row).get(0);
        assertEquals("fax-triage", item.type().code());
        assertEquals(WorkQueue.RECORDS, item.queue());
        assertFalse(item.patient().identified());
        List<String> reasons = item.suiteResult().reasons();
        assertEquals("patient match: ambiguous: 2 candidate(s)", reasons.get(0));
        assertTrue(reasons.contains("candidate Patient/" + first + ": 1.00 (member id, birth date, family name, given name)"),
                reasons.toString());
        List<String> candidates = item.links().stream().filter(l -> l.kind() == WorkItemLink.Kind.FHIR_RESOURCE)
                .map(WorkItemLink::reference).sorted().toList();
        assertEquals(List.of("Patient/" + first, "Patient/" + second).stream().sorted().toList(), candidates);
        assertTrue(reasons.contains("memberId: IJK429887060"), reasons.toString());
    }

    @Test
    void aPriorAuthResponseIsFiledForTheMemberAndGoesToThePriorAuthTeamWithItsCase() throws Exception {
        // the EHR knows the patient by the payer's member id on a Coverage, as registrations write it
        Patient patient = new Patient();
        patient.addName().setFamily("Rathton").addGiven("Elijah");
        patient.getBirthDateElement().setValueAsString("1993-08-05");
        String patientId = ehr.create().resource(patient).execute().getId().getIdPart();
        Coverage coverage = new Coverage();
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.addIdentifier().setSystem("urn:medrelay:hl7:id:TESTPLAN").setValue("FVC185548823");
        coverage.setBeneficiary(new Reference("Patient/" + patientId));
        coverage.addPayor().setDisplay("TEST HEALTH PLAN");
        ehr.create().resource(coverage).execute();
        // the request went out and the payer gave it reference PA2026224087
        PriorAuthCaseStore cases = engine.camelContext().getRegistry().lookupByNameAndType("priorAuthCases", PriorAuthCaseStore.class);
        Instant now = Instant.now();
        PriorAuthCase opened = cases.open(new NewPriorAuthCase(new PriorAuthDecision("ORD-FAX-1",
                new OrderedService("CPT", "70551", "MRI brain"), new PayerPlan(Optional.of("12345"), Optional.empty()), true,
                "MRI needs authorization.", SubmissionChannel.FAX, 7, List.of(), "test"), "Patient/" + patientId,
                "0123456789abcdef0123456789abcdef", LocalDate.now().plusDays(30), false), "system:priorauth", now);
        cases.awaitingSignature(opened.id(), 7, "system:priorauth", now);
        cases.submitted(opened.id(), "PA2026224087", "system:priorauth", now);

        Path drop = dir.resolve("data/fax/drop");
        Files.createDirectories(drop);
        Files.write(drop.resolve(".copying-pa"), corpus("prior-auth-response-00.pdf"));
        Files.move(drop.resolve(".copying-pa"), drop.resolve("payer-response.pdf"));

        await("the fax moved to .done", () -> exists(drop.resolve(".done/payer-response.pdf")));
        Map<String, Object> row = faxRow("payer-response.pdf").orElseThrow();
        assertEquals("FILED", row.get("STATUS"));
        DocumentReference document = document(sha256(corpus("prior-auth-response-00.pdf"))).orElseThrow();
        assertEquals("Patient/" + patientId, document.getSubject().getReference());
        assertEquals("PA2026224087", document.getContext().getRelatedFirstRep().getIdentifier().getValue());
        WorkItem item = itemsOf(row).get(0);
        assertEquals("prior-auth-response", item.type().code());
        assertEquals(WorkQueue.PRIOR_AUTH, item.queue());
        assertEquals(WorkItemPriority.ROUTINE, item.priority(), "an approval is routine");
        assertTrue(item.links().contains(WorkItemLink.document("prior-auth-case/" + opened.id(),
                "the prior-auth case this response answers")), item.links().toString());
        List<String> reasons = item.suiteResult().reasons();
        assertTrue(reasons.contains("prior-auth case " + opened.id() + " (submitted) has this payer reference"), reasons.toString());
        assertTrue(reasons.contains("decision: approved"), reasons.toString());
        assertTrue(reasons.get(0).contains("(member id, birth date, family name, given name)"), reasons.get(0));
    }

    @Test
    void marketingIsArchivedAndRoutedNowhere() throws Exception {
        byte[] fax = corpus("marketing-00.pdf");
        faxServer.deliver("20261124-0930-0009.pdf", fax);

        await("the fax moved to .done", () -> exists(faxServer.inbox().resolve(".done/20261124-0930-0009.pdf")));
        Map<String, Object> row = faxRow("20261124-0930-0009.pdf").orElseThrow();
        assertEquals("ARCHIVED", row.get("STATUS"));
        assertEquals("marketing", row.get("FAX_TYPE"));
        assertTrue(Files.exists(Path.of((String) row.get("RAW_COPY"))), "kept all the same");
        assertEquals(List.of(), itemsOf(row));
        assertTrue(document(sha256(fax)).isEmpty());
    }

    private static String register(String given, String family, String birthDate, String mrn, String... memberIds) {
        Patient patient = new Patient();
        for (String memberId : memberIds) {
            patient.addIdentifier().setSystem("urn:medrelay:hl7:id:TESTPLAN").setValue(memberId);
        }
        patient.addIdentifier().setSystem("urn:medrelay:hl7:id:MRH").setValue(mrn).getType().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        patient.addName().setFamily(family).addGiven(given);
        patient.getBirthDateElement().setValueAsString(birthDate);
        return ehr.create().resource(patient).execute().getId().getIdPart();
    }

    private static byte[] corpus(String name) throws Exception {
        try (InputStream in = FaxIntakeRoundTripTest.class.getResourceAsStream(CORPUS + name)) {
            return in.readAllBytes();
        }
    }

    private static Optional<DocumentReference> document(String sha256) {
        return ehr.search().forResource(DocumentReference.class)
                .where(DocumentReference.IDENTIFIER.exactly().systemAndIdentifier("urn:medrelay:fax", sha256))
                .returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> (DocumentReference) e.getResource()).findFirst();
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
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                return Optional.of(row);
            }
        }
    }

    private static void assertAudited(AuditAction action, String target) throws Exception {
        DataSource store = engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", DataSource.class);
        List<AuditEntry> entries = new AuditTrail(store).newestFirst(AuditQuery.ALL, 1000);
        assertTrue(entries.stream().anyMatch(e -> e.event().action() == action && target.equals(e.event().target())
                && e.event().patientKey() != null), action + " " + target + " not audited with a patient key");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Optional<Path> exists(Path file) {
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        return Awaits.until(what, TIMEOUT, probe);
    }
}
