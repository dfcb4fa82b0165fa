package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
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
import org.medrelay.processors.remittance.RemittanceFiles;
import org.medrelay.processors.remittance.StoredReport;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remittance flow on the real engine: an 835 with one claim of every category arrives in the clearinghouse's SFTP
 * inbox (Apache MINA SSHD on 127.0.0.1) and ends as one ExplanationOfBenefit per claim in the sandbox EHR, about the
 * patients the EHR knows by their member ids, and billing work items for the claims a person must act on, with their
 * categories, priorities from the dollars at stake and the payer's appeal deadline, and appeal letter drafts. The same
 * file delivered again is processed once. An invalid 835 is quarantined with its report and a 999 rejecting it lands
 * in the outbox. An 835 in the local drop folder is taken in too; its claim for a member the EHR does not know gets a
 * tagged EOB and no work item. Nothing the engine logs names a patient.
 */
class RemittanceRoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PAYER_ID = "1512345678";
    private static final String PCN_SYSTEM = "urn:medrelay:x12:835:patient-control-number";
    /** The remittance was paid ten days ago; the test payer allows 60 days to appeal. */
    private static final LocalDate PAID_ON = LocalDate.now(ZoneId.systemDefault()).minusDays(10);
    private static final LocalDate DEADLINE = PAID_ON.plusDays(60);

    @TempDir
    static Path dir;

    private static TestClearinghouse clearinghouse;
    private static MedRelayEngine engine;
    private static IGenericClient ehr;
    private static CapturedOutput output;
    private static final Map<String, String> patientIds = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        output = new CapturedOutput();
        clearinghouse = new TestClearinghouse(dir.resolve("sftp"), request -> null);
        Path windows = dir.resolve("payer-appeal-windows.tsv");
        Files.writeString(windows, "# test payer\n" + PAYER_ID + "\t60\tTEST HEALTH PLAN\n");
        Map<String, String> overrides = new HashMap<>();
        overrides.put("medrelay.remittance.sftp.enabled", "true");
        overrides.put("medrelay.remittance.sftp.host", "127.0.0.1");
        overrides.put("medrelay.remittance.sftp.port", String.valueOf(clearinghouse.port()));
        overrides.put("medrelay.remittance.sftp.username", TestClearinghouse.USER);
        overrides.put("medrelay.remittance.sftp.password", TestClearinghouse.PASSWORD);
        overrides.put("medrelay.remittance.sftp.strict-host-key-checking", "no");
        overrides.put("medrelay.remittance.sftp.use-user-known-hosts-file", "false");
        overrides.put("medrelay.remittance.sftp.inbox", "inbox");
        overrides.put("medrelay.remittance.sftp.inbox-poll-ms", "200");
        overrides.put("medrelay.remittance.sftp.read-lock-check-ms", "200");
        overrides.put("medrelay.remittance.drop-folder.poll-ms", "200");
        overrides.put("medrelay.remittance.drop-folder.read-lock-check-ms", "200");
        overrides.put("medrelay.remittance.appeal-windows-file", windows.toString());
        overrides.put("medrelay.remittance.priority.high-dollar-amount", "400");
        overrides.put("medrelay.claims.drop-poll-ms", "200");
        EngineProperties props = TestEngines.embedded(dir.resolve("data"), TestEngines.freePort(), TestEngines.freePort(), overrides);
        engine = new MedRelayEngine(props).start();
        ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
        // the EHR knows the patients by their registrations: MRN and a Coverage with the payer's member id
        for (int n = 1; n <= 8; n++) {
            patientIds.put("W10000000" + n, register("MRN40000" + n, "W10000000" + n));
        }
        // the 837P the practice sent for these visits, kept on file so a correctable denial gets its replacement drafted
        Path claimsDrop = dir.resolve("data/claims/drop");
        Files.createDirectories(claimsDrop);
        try (InputStream in = RemittanceRoundTripTest.class.getResourceAsStream("/medrelay-test-data/x12/837/837P-claims-on-file.x12")) {
            Files.write(claimsDrop.resolve(".copying"), in.readAllBytes());
        }
        Files.move(claimsDrop.resolve(".copying"), claimsDrop.resolve("claims-sent.x12"));
        await("the 837 kept on file", () -> exists(claimsDrop.resolve(".done/claims-sent.x12")));
    }

    @AfterAll
    static void stopAndScanTheLogsForPhi() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (clearinghouse != null) {
            clearinghouse.close();
        }
        List<String> text = output.texts();
        output.close();
        List<String> phi = List.of("TESTPATIENT", "FAKENAME", "SAMPLEPATIENT", "DEMOPATIENT", "MOCKPATIENT", "W10000000",
                "W199999999", "MRN40000", "APPEAL-1004", "RESUB-1003", "TIMELY-1007");
        assertEquals(List.of(), CapturedOutput.occurrences(text, phi), "PHI in log or console output");
        assertTrue(text.stream().anyMatch(t -> t.contains("billing work item(s)")), "the scan read the remittance lines");
    }

    @Test
    void an835InTheSftpInboxBecomesExplanationsOfBenefitAndBillingWorkItemsOnce() throws Exception {
        byte[] remittance = sample("835-denials-every-category.x12", "000000835", "EFT0000001");
        clearinghouse.deliver("835-every-category.x12", remittance);

        await("the file moved to .done", () -> exists(clearinghouse.inbox().resolve(".done/835-every-category.x12")));
        ExplanationOfBenefit appeal = await("the appeal's EOB", () -> eob("APPEAL-1004", "EFT0000001"));
        assertEquals("Patient/" + patientIds.get("W100000004"), appeal.getPatient().getReference());
        assertTrue(appeal.getDisposition().startsWith("appeal: "), appeal.getDisposition());
        for (String claim : List.of("PAID-1001", "PATRESP-1002", "RESUB-1003", "WRITEOFF-1005", "DUP-1006", "TIMELY-1007", "REVIEW-1008")) {
            assertTrue(eob(claim, "EFT0000001").isPresent(), "EOB of " + claim);
        }
        assertAudited(AuditAction.CREATE, appeal.getIdElement().toUnqualifiedVersionless().getValue());

        Map<String, WorkItem> items = billingItems().stream().filter(i -> i.patient().reference() != null)
                .collect(Collectors.toMap(i -> i.suiteResult().classification(), i -> i, (a, b) -> a));
        assertEquals(List.of("appeal", "correct-and-resubmit", "duplicate", "needs-review", "timely-filing"),
                items.keySet().stream().sorted().toList(), "paid, write-off and patient-responsibility need no item");
        assertEquals(5, billingItems().size());
        WorkItem appealItem = items.get("appeal");
        assertEquals("denial-workup", appealItem.type().code());
        assertEquals("Patient/" + patientIds.get("W100000004"), appealItem.patient().reference());
        // 400.00 at stake reaches the high-dollar amount; the deadline is 50 days away
        assertEquals(WorkItemPriority.URGENT, appealItem.priority());
        assertEquals(WorkItemPriority.URGENT, items.get("needs-review").priority());
        assertEquals(WorkItemPriority.ROUTINE, items.get("correct-and-resubmit").priority());
        assertEquals(WorkItemPriority.ROUTINE, items.get("duplicate").priority());
        assertEquals(DEADLINE.minusDays(14).atStartOfDay(ZoneId.systemDefault()).toInstant(), appealItem.dueAt());
        List<String> reasons = appealItem.suiteResult().reasons();
        assertTrue(reasons.get(0).startsWith("appeal: "), reasons.get(0));
        assertTrue(reasons.contains("payer: TEST HEALTH PLAN (" + PAYER_ID + ")"), reasons.toString());
        assertTrue(reasons.contains("dates: service 2026-11-01 to 2026-11-01, remittance " + PAID_ON + ", appeal deadline " + DEADLINE),
                reasons.toString());
        assertTrue(reasons.contains("amounts: billed 400.00, paid 0.00, patient responsibility 0.00, at stake 400.00"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("CARC CO-50 400.00: CARC 50 (")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("RARC N115: RARC N115 (")), reasons.toString());

        String letter = appealItem.suiteResult().draft().text();
        assertTrue(letter.contains("TEST HEALTH PLAN"), letter);
        assertTrue(letter.contains("Request for reconsideration of claim APPEAL-1004"), letter);
        assertTrue(letter.contains("Payer claim control number: PCN0000000004"), letter);
        assertTrue(letter.contains("Appeal deadline: " + DEADLINE), letter);
        assertTrue(letter.contains("  - CO-50, 400.00: CARC 50 ("), letter);
        assertTrue(letter.contains("Clinical justification:\n[PROVIDER TO WRITE:"), letter);
        assertFalse(letter.contains("Proof of timely filing"), letter);
        assertEquals(0.0, appealItem.suiteResult().confidence(), "a letter with places to fill is never released unread");
        String timely = items.get("timely-filing").suiteResult().draft().text();
        assertTrue(timely.contains("Appeal of a timely-filing denial of claim TIMELY-1007"), timely);
        assertTrue(timely.contains("Proof of timely filing:\n[PROVIDER TO WRITE:"), timely);
        assertEquals(null, items.get("duplicate").suiteResult().draft());

        // correct-and-resubmit: the replacement of the claim on file, frequency code 7 and the payer's claim number
        WorkItem resubmit = items.get("correct-and-resubmit");
        assertEquals("application/edi-x12", resubmit.suiteResult().draft().contentType());
        String replacement = resubmit.suiteResult().draft().text();
        assertTrue(replacement.contains("CLM*RESUB-1003*300***11:B:7*"), replacement);
        assertTrue(replacement.contains("REF*F8*PCN0000000003~"), replacement);
        assertTrue(resubmit.suiteResult().reasons().contains(
                "corrected claim drafted: 837 replacement of RESUB-1003 (CLM05-3 7, REF*F8 PCN0000000003)"),
                resubmit.suiteResult().reasons().toString());
        assertEquals("OPEN", appealItem.status().name());

        Path ack = await("the 999 in the outbox", () -> exists(clearinghouse.outbox().resolve("ack-835-every-category.x12")));
        assertTrue(Files.readString(ack, StandardCharsets.ISO_8859_1).contains("AK9*A*1*1*1~"));

        JsonNode report = report(remittance("835-every-category.x12").orElseThrow());
        assertEquals("TEST HEALTH PLAN", report.at("/payer/name").asText());
        assertEquals("500.00", report.at("/payment/amount").decimalValue().toPlainString());
        assertEquals("ACH", report.at("/payment/method").asText());
        assertEquals("EFT0000001", report.at("/payment/trace").asText());
        assertEquals(PAID_ON.toString(), report.at("/payment/date").asText());
        assertEquals(8, report.at("/claims").asInt());
        assertEquals(1, report.at("/categories/appeal/claims").asInt());
        assertEquals("400.00", report.at("/categories/appeal/atStake").decimalValue().toPlainString());
        assertEquals(5, report.at("/workItems").asInt());

        // the same file again, under another name: taken from the inbox, processed once
        clearinghouse.deliver("835-every-category-again.x12", remittance);
        await("the copy moved to .done", () -> exists(clearinghouse.inbox().resolve(".done/835-every-category-again.x12")));
        assertEquals(5, billingItems().size());
        assertEquals(1, eobsOf("APPEAL-1004", "EFT0000001"));
        assertTrue(remittance("835-every-category-again.x12").isEmpty(), "a duplicate is not recorded as a file of its own");
        assertFalse(Files.exists(clearinghouse.outbox().resolve("ack-835-every-category-again.x12")));
    }

    @Test
    void anInvalid835IsQuarantinedWithItsReportAndA999RejectsIt() throws Exception {
        clearinghouse.deliver("835-broken.x12", sample("835-errors.x12", "000000836", "EFT0000001"));

        Path quarantined = await("the quarantined file", () -> quarantined("835-broken.x12"));
        String reportText = Files.readString(quarantined.resolveSibling(quarantined.getFileName() + ".report.txt"));
        assertTrue(reportText.contains("segment 14 CLP in loop 2100: IK304 8"), reportText);
        Path ack = await("the 999 rejecting it", () -> exists(clearinghouse.outbox().resolve("ack-835-broken.x12")));
        String ack999 = Files.readString(ack, StandardCharsets.ISO_8859_1);
        assertTrue(ack999.contains("IK5*R"), ack999);
        assertTrue(ack999.contains("AK9*R*1*1*0"), ack999);
        assertTrue(eob("BAD-2002", "EFT0000001").isEmpty(), "nothing of a quarantined file reaches the EHR");
        StoredReport stored = remittance("835-broken.x12").orElseThrow();
        assertEquals("QUARANTINED", stored.status());
        assertTrue(stored.reportJson().isEmpty());
    }

    @Test
    void anInterchangeAtFaultIsAnsweredWithATa1() throws Exception {
        // IEA02 does not match ISA13: the interchange itself is at fault
        byte[] broken = new String(sample("835-denials-every-category.x12", "000000837", "EFT0000837"), StandardCharsets.ISO_8859_1)
                .replace("IEA*1*000000837~", "IEA*1*000000999~").getBytes(StandardCharsets.ISO_8859_1);
        clearinghouse.deliver("835-bad-envelope.x12", broken);

        Path ack = await("the TA1 rejecting it", () -> exists(clearinghouse.outbox().resolve("ack-835-bad-envelope.x12")));
        String ta1 = Files.readString(ack, StandardCharsets.ISO_8859_1);
        assertTrue(ta1.contains("TA1*000000837*"), ta1);
        assertTrue(ta1.contains("*R*001~"), ta1);
        await("the quarantined file", () -> quarantined("835-bad-envelope.x12"));
        assertEquals(0, eobsOf("APPEAL-1004", "EFT0000837"), "nothing of it reaches the EHR");
    }

    @Test
    void an835InTheDropFolderIsTakenInToo() throws Exception {
        Path drop = dir.resolve("data").resolve("remittance").resolve("drop");
        Files.createDirectories(drop);
        Path temp = drop.resolve(".copying-835-drop.x12");
        // REVIEW-1008's member is one the EHR does not know
        Files.write(temp, new String(sample("835-denials-every-category.x12", "000000900", "EFT0000900"), StandardCharsets.ISO_8859_1)
                .replace("MI*W100000008~", "MI*W199999999~").getBytes(StandardCharsets.ISO_8859_1));
        Files.move(temp, drop.resolve("835-drop.x12"));

        await("the file moved to .done", () -> exists(drop.resolve(".done/835-drop.x12")));
        JsonNode report = report(remittance("835-drop.x12").orElseThrow());
        assertEquals("EFT0000900", report.at("/payment/trace").asText());
        assertEquals(8, report.at("/claims").asInt());
        assertEquals(1, report.at("/claimsWithoutPatient").asInt());
        assertEquals(4, report.at("/workItems").asInt(), "a claim needs a patient in the EHR for a work item");
        ExplanationOfBenefit unmatched = eob("REVIEW-1008", "EFT0000900").orElseThrow();
        assertEquals("patient-not-found", unmatched.getMeta().getTag("urn:medrelay:remittance", "patient-not-found").getCode());
        assertEquals("W199999999", unmatched.getPatient().getIdentifier().getValue());
        Path ack = await("the 999 in the drop outbox", () -> exists(dir.resolve("data/remittance/outbox/ack-835-drop.x12")));
        assertTrue(Files.readString(ack, StandardCharsets.ISO_8859_1).contains("AK9*A*1*1*1~"));
        assertEquals(1, eobsOf("APPEAL-1004", "EFT0000900"));
    }

    /** A test-data 835 with its ISA13/IEA02, TRN02 and the BPR16 payment date of this run. */
    private static byte[] sample(String name, String isa13, String trace) throws Exception {
        String text;
        try (InputStream in = RemittanceRoundTripTest.class.getResourceAsStream("/medrelay-test-data/x12/835/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        return text.replace("*000000835*", "*" + isa13 + "*").replace("*000000836*", "*" + isa13 + "*")
                .replace("IEA*1*000000835~", "IEA*1*" + isa13 + "~").replace("IEA*1*000000836~", "IEA*1*" + isa13 + "~")
                .replace("TRN*1*EFT0000001*", "TRN*1*" + trace + "*")
                .replace("*DA*98765*20261120~", "*DA*98765*" + PAID_ON.format(DateTimeFormatter.BASIC_ISO_DATE) + "~")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String register(String mrn, String memberId) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:medrelay:hl7:id:MRH").setValue(mrn).getType().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        patient.addName().setFamily("Testpatient").addGiven("Remit");
        String id = ehr.create().resource(patient).execute().getId().getIdPart();
        Coverage coverage = new Coverage();
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.addIdentifier().setSystem("urn:medrelay:hl7:id:TESTPLAN").setValue(memberId);
        coverage.setSubscriberId(memberId);
        coverage.setBeneficiary(new Reference("Patient/" + id));
        coverage.addPayor().setDisplay("TEST HEALTH PLAN");
        ehr.create().resource(coverage).execute();
        return id;
    }

    private static Optional<ExplanationOfBenefit> eob(String claim, String trace) {
        Bundle found = ehr.search().forResource(ExplanationOfBenefit.class)
                .where(ExplanationOfBenefit.IDENTIFIER.exactly().systemAndIdentifier(PCN_SYSTEM, claim))
                .returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (ExplanationOfBenefit) e.getResource())
                .filter(e -> trace.equals(e.getPayment().getIdentifier().getValue())).findFirst();
    }

    /** The EOBs of a claim paid under a trace (the same claim in another remittance is another EOB). */
    private static long eobsOf(String claim, String trace) {
        return ehr.search().forResource(ExplanationOfBenefit.class)
                .where(ExplanationOfBenefit.IDENTIFIER.exactly().systemAndIdentifier(PCN_SYSTEM, claim))
                .returnBundle(Bundle.class).execute().getEntry().stream()
                .filter(e -> trace.equals(((ExplanationOfBenefit) e.getResource()).getPayment().getIdentifier().getValue()))
                .count();
    }

    private static List<WorkItem> billingItems() throws Exception {
        WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
        return store.list(WorkItemQuery.all().inQueue(WorkQueue.BILLING)).stream()
                .filter(i -> i.sourceMessageKey() != null && !i.sourceMessageKey().isEmpty())
                .filter(i -> storedFile(i.sourceMessageKey()).map(f -> f.fileName().equals("835-every-category.x12")).orElse(false))
                .toList();
    }

    private static Optional<StoredReport> storedFile(String sourceKey) {
        long fileId = Long.parseLong(sourceKey.substring("remittance-file/".length(), sourceKey.indexOf('#')));
        try {
            return files().reports(Optional.of(fileId), 1).stream().findFirst();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<StoredReport> remittance(String fileName) throws Exception {
        return files().reports(Optional.empty(), 100).stream().filter(r -> r.fileName().equals(fileName)).findFirst();
    }

    private static JsonNode report(StoredReport stored) throws Exception {
        assertEquals("PROCESSED", stored.status());
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(stored.reportJson().orElseThrow());
    }

    private static RemittanceFiles files() {
        return engine.camelContext().getRegistry().lookupByNameAndType("remittanceFiles", RemittanceFiles.class);
    }

    private static void assertAudited(AuditAction action, String target) throws Exception {
        DataSource store = engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", DataSource.class);
        List<AuditEntry> entries = new AuditTrail(store).newestFirst(AuditQuery.ALL, 1000);
        assertTrue(entries.stream().anyMatch(e -> e.event().action() == action && target.equals(e.event().target())
                && e.event().patientKey() != null), action + " " + target + " not audited with a patient key");
    }

    private static Optional<Path> exists(Path file) {
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private static Optional<Path> quarantined(String name) throws Exception {
        Path folder = dir.resolve("data").resolve("remittance").resolve("quarantine");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + name)).findFirst();
        }
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        return Awaits.until(what, TIMEOUT, probe);
    }
}
