package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.ItemsComponent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.eligibility.EligibilityCodeSystems;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.StoredRequest;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eligibility round trip on the real engine: registrations (ADT A04 with IN1) over MLLP record checks, the engine
 * drops a 270 file on an SFTP server on 127.0.0.1 (Apache MINA SSHD), the test clearinghouse answers each request with a
 * 271 in the inbox, and the sandbox EHR receives the CoverageEligibilityResponse while the front desk gets the gap item.
 * A second patient's 271 comes back invalid: it is quarantined with its report, a 999 rejecting it is dropped in the
 * outbox and the request goes to the clearinghouse-setup queue. An appointment (SIU S12) a week ahead is due lead-time
 * before the visit, not at once. Everything the engine logs meanwhile is searched for the patients' names, MRNs, member
 * ids and birth dates: none may appear.
 */
class EligibilityRoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String GOOD_MEMBER = "XK44102";
    private static final String BROKEN_MEMBER = "XK55501";
    private static final String REFUSED_MEMBER = "XK77701";
    /** Not answered by the clearinghouse on its own: the test delivers the 271 after the visit is cancelled. */
    private static final String HELD_MEMBER = "XK88801";
    /** On a parent's plan: the patient is the dependent. */
    private static final String FAMILY_MEMBER = "XK99901";

    @TempDir
    static Path dir;

    private static TestClearinghouse clearinghouse;
    private static MedRelayEngine engine;
    private static int mllpPort;
    private static IGenericClient ehr;
    private static CapturedOutput output;

    @BeforeAll
    static void start() throws Exception {
        output = new CapturedOutput();
        clearinghouse = new TestClearinghouse(dir.resolve("sftp"), EligibilityRoundTripTest::answer);
        mllpPort = TestEngines.freePort();
        Map<String, String> overrides = new HashMap<>(TestClearinghouse.engineProperties(clearinghouse.port()));
        overrides.put("medrelay.eligibility.batch.check-ms", "200");
        overrides.put("medrelay.eligibility.batch.interval-ms", "0");
        overrides.put("medrelay.eligibility.sftp.inbox-poll-ms", "200");
        overrides.put("medrelay.eligibility.sftp.read-lock-check-ms", "200");
        overrides.put("medrelay.eligibility.payer.60054.name", "AETNA HEALTH INC");
        EngineProperties props = TestEngines.embedded(dir.resolve("data"), mllpPort, TestEngines.freePort(), overrides);
        engine = new MedRelayEngine(props).start();
        ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
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
        List<String> phi = List.of("Testpatient", "TESTPATIENT", "Alma", "ALMA", "Bert", "Cora", "Dina", "MRN30000",
                GOOD_MEMBER, BROKEN_MEMBER, REFUSED_MEMBER, HELD_MEMBER, FAMILY_MEMBER, "XK66601", "Edna", "Finn", "FINN", "Gail", "GAIL", "20150505", "19800101", "19710214", "1971-02-14");
        assertEquals(List.of(), CapturedOutput.occurrences(text, phi), "PHI in log or console output");
        assertTrue(text.stream().anyMatch(t -> t.contains("dropped in the clearinghouse outbox")), "the scan read the eligibility routes' lines");
    }

    /**
     * The clearinghouse's payer: active PPO coverage with a high remaining deductible; for BROKEN_MEMBER an EB01 of 9; for
     * REFUSED_MEMBER a 999 rejecting the 270.
     */
    private static String answer(TestClearinghouse.Request request) {
        String trace = request.trace();
        String memberId = request.memberId();
        if (FAMILY_MEMBER.equals(memberId)) {
            return clearinghouse.dependentResponse(request, "TESTPATIENT", "FINN", List.of("DMG*D8*20150505*M", "INS*N*19",
                    "DTP*346*D8*20260101", "EB*1*FAM*30*PR*FAMILY PLAN", "EB*B*IND*98*PR**27*25****N*Y"));
        }
        if (HELD_MEMBER.equals(memberId)) {
            return null;
        }
        if (REFUSED_MEMBER.equals(memberId)) {
            return clearinghouse.rejection999(request);
        }
        if (BROKEN_MEMBER.equals(memberId)) {
            return clearinghouse.response(trace, memberId, List.of("EB*9*IND*30"));
        }
        return clearinghouse.response(trace, memberId, List.of(
                "DMG*D8*19710214*F", "DTP*346*D8*20260101", "DTP*347*D8*20261231",
                "EB*1*IND*30^98*PR*PPO GOLD",
                "EB*B*IND*98*PR**27*30****N*Y",
                "EB*A*IND*98*PR****0.2***N*Y",
                "EB*C*IND*30*PR**23*2500*****Y",
                "EB*C*IND*30*PR**29*1800*****Y",
                "EB*G*IND*30*PR**29*5200*****Y"));
    }

    @Test
    void a270GoesOutAndThe271ComesBackAsCoverageEligibilityResponseAndAFrontDeskGap() throws Exception {
        send(registration("MRN300001", "Testpatient^Alma", GOOD_MEMBER, "EL0001"));

        String trace = await("the clearinghouse to read a 270", () -> clearinghouse.tracesRead().stream().findFirst());
        CoverageEligibilityResponse response = await("the CoverageEligibilityResponse in the EHR", () -> responseFor(trace));
        String patientId = patient("MRN300001").getIdElement().toUnqualifiedVersionless().getValue();
        assertEquals(patientId, response.getPatient().getReference());
        assertEquals(trace, response.getRequest().getIdentifier().getValue());
        CoverageEligibilityResponse.InsuranceComponent insurance = response.getInsuranceFirstRep();
        assertTrue(insurance.getInforce());
        assertEquals("2026-01-01", insurance.getBenefitPeriod().getStartElement().getValueAsString().substring(0, 10));
        assertEquals("2026-12-31", insurance.getBenefitPeriod().getEndElement().getValueAsString().substring(0, 10));
        ItemsComponent plan = item(response, "30");
        assertEquals(0, new BigDecimal("2500").compareTo(benefit(plan, "C").getAllowedMoney().getValue()));
        assertEquals(0, new BigDecimal("700").compareTo(benefit(plan, "C").getUsedMoney().getValue()));
        ItemsComponent visit = item(response, "98");
        assertEquals("in", visit.getNetwork().getCodingFirstRep().getCode());
        assertFalse(visit.getAuthorizationRequired());
        assertEquals(0, new BigDecimal("30").compareTo(benefit(visit, "B").getAllowedMoney().getValue()));

        WorkItem gap = await("the front-desk gap item", () -> workItems(WorkQueue.FRONT_DESK).stream().findFirst());
        assertEquals("eligibility-gap", gap.type().code());
        assertEquals("high-deductible", gap.suiteResult().classification());
        assertEquals(patientId, gap.patient().reference());
        List<String> reasons = gap.suiteResult().reasons();
        assertEquals("high-deductible: the remaining deductible is 1800.00, at or above the practice's threshold of 1000.00",
                reasons.get(0));
        // expected charge 200 (default), all of it to the remaining deductible
        assertTrue(reasons.get(1).startsWith("estimated patient responsibility 200.00 of an expected charge of 200.00: copay 30.00;"),
                reasons.get(1));
        assertTrue(gap.suiteResult().draft().text().contains("Ask: Tell the patient the estimated amount due"));

        Path ack = await("the 999 for the 271 in the outbox", () -> outboxFile("ack-reply-" + trace));
        assertTrue(Files.readString(ack, StandardCharsets.ISO_8859_1).contains("AK9*A*1*1*1~"));
        StoredRequest answered = requests().byTrace(trace).orElseThrow();
        assertEquals("ANSWERED", answered.status().name());
        assertAudited(AuditAction.EXPORT, "eligibility-request/" + answered.id());
        assertAudited(AuditAction.RECEIVE, "eligibility-request/" + answered.id());
        assertAudited(AuditAction.CREATE, response.getIdElement().toUnqualifiedVersionless().getValue());
    }

    @Test
    void anInvalid271IsQuarantinedWithItsReportA999RejectsItAndTheSetupQueueGetsTheRequest() throws Exception {
        send(registration("MRN300002", "Testpatient^Bert", BROKEN_MEMBER, "EL0002"));

        Path quarantined = await("the invalid 271 quarantined", () -> quarantineFile(BROKEN_MEMBER));
        Path report = quarantined.resolveSibling(quarantined.getFileName() + ".report.txt");
        String reportText = Files.readString(report);
        assertTrue(reportText.contains("EB01 (1390): IK403 7 invalid code value"), reportText);
        Path ack = await("the 999 rejecting it in the outbox", () -> outboxFileContaining("AK9*R*1*1*0"));
        assertTrue(Files.readString(ack, StandardCharsets.ISO_8859_1).contains("IK5*R"));
        String patientId = patient("MRN300002").getIdElement().toUnqualifiedVersionless().getValue();
        WorkItem setup = await("the clearinghouse-setup item", () -> workItems(WorkQueue.CLEARINGHOUSE_SETUP).stream()
                .filter(i -> i.patient().reference().equals(patientId)).findFirst());
        assertEquals("271-quarantined", setup.suiteResult().classification());
        assertTrue(setup.suiteResult().reasons().stream().anyMatch(r -> r.contains("IK403 7")), setup.suiteResult().reasons().toString());
        assertTrue(responseForMember(BROKEN_MEMBER).isEmpty(), "nothing of a quarantined file reaches the EHR");
    }

    @Test
    void a999RejectingOur270SendsTheRequestToTheClearinghouseSetupQueue() throws Exception {
        send(registration("MRN300004", "Testpatient^Dina", REFUSED_MEMBER, "EL0006"));

        String patientId = await("the patient in the EHR", () -> Optional.ofNullable(patient("MRN300004")))
                .getIdElement().toUnqualifiedVersionless().getValue();
        WorkItem setup = await("the clearinghouse-setup item for the rejected 270", () -> workItems(WorkQueue.CLEARINGHOUSE_SETUP)
                .stream().filter(i -> i.patient().reference().equals(patientId)).findFirst());
        assertEquals("270-rejected", setup.suiteResult().classification());
        assertEquals("eligibility-clearinghouse-problem", setup.type().code());
        assertEquals(List.of("999 AK9 R, IK5 R", "IK3 NM1 at 5 in 2100: 8", "IK4 NM109 (67): 7", "IK5 5"),
                setup.suiteResult().reasons().subList(0, 4));
        String trace = clearinghouse.tracesRead().stream()
                .filter(t -> byTrace(t).map(r -> r.check().subscriber().memberId().equals(REFUSED_MEMBER)).orElse(false))
                .findFirst().orElseThrow();
        assertEquals("REJECTED", requests().byTrace(trace).orElseThrow().status().name());
        assertTrue(outboxFile("ack-reply-" + trace).isEmpty(), "a 999 is not itself acknowledged");
    }

    @Test
    void anAppointmentAWeekAheadIsDueLeadTimeBeforeTheVisit() throws Exception {
        send(registration("MRN300003", "Testpatient^Cora", "XK66601", "EL0003"));
        LocalDateTime visit = LocalDateTime.now().plusDays(7).withHour(10).withMinute(0).withSecond(0).withNano(0);
        send(appointment("MRN300003", "Testpatient^Cora", "APT3003", visit, "EL0004"));

        Instant expectedDue = visit.atZone(ZoneId.systemDefault()).toInstant().minus(Duration.ofDays(2));
        StoredRequest due = await("the appointment's check recorded", () -> requests().due(expectedDue.plusSeconds(1), 100).stream()
                .filter(r -> r.check().visit().date().equals(visit.toLocalDate())).findFirst());
        assertEquals(expectedDue, due.check().dueAt());
        assertEquals("DUE", due.status().name());

        // the visit moves: the check not yet sent is superseded by one for the new date
        LocalDateTime moved = visit.plusDays(3);
        send(appointment("MRN300003", "Testpatient^Cora", "APT3003", moved, "EL0005").replace("SIU^S12^SIU_S12", "SIU^S14^SIU_S12"));
        await("the moved appointment's check", () -> requests().due(moved.atZone(ZoneId.systemDefault()).toInstant(), 100).stream()
                .filter(r -> r.check().visit().date().equals(moved.toLocalDate())).findFirst());
        assertTrue(requests().byTrace(due.traceNumber()).orElseThrow().status().name().equals("SUPERSEDED"));

        // then it is cancelled (SIU S15): the check not yet sent never will be
        StoredRequest movedCheck = requests().due(moved.atZone(ZoneId.systemDefault()).toInstant(), 100).stream()
                .filter(r -> r.check().visit().date().equals(moved.toLocalDate())).findFirst().orElseThrow();
        send(appointment("MRN300003", "Testpatient^Cora", "APT3003", moved, "EL0007").replace("SIU^S12^SIU_S12", "SIU^S15^SIU_S12"));
        await("the cancelled visit's check CANCELLED", () -> requests().byTrace(movedCheck.traceNumber())
                .filter(r -> r.status().name().equals("CANCELLED")));
        assertAudited(AuditAction.UPDATE, "eligibility-request/" + movedCheck.id());
    }

    @Test
    void aVisitCancelledAfterIts270WentOutGetsItsResponseInTheEhrButNoFrontDeskGap() throws Exception {
        send(registration("MRN300005", "Testpatient^Edna", HELD_MEMBER, "EL0010"));
        LocalDateTime tomorrow = LocalDateTime.now().plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
        send(appointment("MRN300005", "Testpatient^Edna", "APT3005", tomorrow, "EL0011"));
        StoredRequest sent = await("the appointment's 270 sent", () -> clearinghouse.tracesRead().stream().map(t -> byTrace(t))
                .flatMap(Optional::stream).filter(r -> r.check().visit().date().equals(tomorrow.toLocalDate())
                        && r.check().subscriber().memberId().equals(HELD_MEMBER) && r.status().name().equals("SENT")).findFirst());

        send(appointment("MRN300005", "Testpatient^Edna", "APT3005", tomorrow, "EL0012").replace("SIU^S12^SIU_S12", "SIU^S15^SIU_S12"));
        await("the sent check marked as for a cancelled visit", () -> byTrace(sent.traceNumber()).filter(StoredRequest::forCancelledVisit));
        // the payer answers now, with a gap (high deductible) the front desk would otherwise be told about
        clearinghouse.deliver("reply-" + sent.traceNumber() + ".x12", answer(new TestClearinghouse.Request(sent.traceNumber(),
                GOOD_MEMBER, "", "", "", null)).getBytes(StandardCharsets.ISO_8859_1));

        await("the 999 for the late 271", () -> outboxFile("ack-reply-" + sent.traceNumber()));
        CoverageEligibilityResponse response = responseFor(sent.traceNumber()).orElseThrow();
        String patientId = patient("MRN300005").getIdElement().toUnqualifiedVersionless().getValue();
        assertEquals(patientId, response.getPatient().getReference());
        StoredRequest answered = requests().byTrace(sent.traceNumber()).orElseThrow();
        assertEquals("ANSWERED", answered.status().name());
        assertTrue(workItems(WorkQueue.FRONT_DESK).stream().noneMatch(i -> i.patient().reference().equals(patientId)),
                "no gap item for a cancelled visit");
    }

    @Test
    void aChildOnAParentsPlanIsAskedAboutAsTheDependentAndTheResponseIsTheChilds() throws Exception {
        send(registration("MRN300006", "Testpatient^Finn", FAMILY_MEMBER, "EL0020").replace("|19710214|F\r", "|20150505|M\r")
                .replace("|Testpatient^Finn|SEL|19710214|", "|Testpatient^Gail|CHD|19800101|")
                .replace(FAMILY_MEMBER + "\r", FAMILY_MEMBER + "|||||||F\r")); // IN1-43 the insured's sex

        String file = await("the dependent's 270 read by the clearinghouse", () -> clearinghouse.filesRead().stream()
                .filter(f -> f.contains(FAMILY_MEMBER)).findFirst());
        String transaction = file.substring(file.lastIndexOf("ST*270*", file.indexOf(FAMILY_MEMBER)));
        // 005010X279A1: the subscriber (the parent, from IN1-16/18/43) in 2100C, the child in 2000D/2100D with the trace
        assertTrue(transaction.contains("HL*3*2*22*1~\nNM1*IL*1*TESTPATIENT*GAIL****MI*" + FAMILY_MEMBER + "~\nDMG*D8*19800101*F~\n"
                + "HL*4*3*23*0~\nTRN*1*"), transaction);
        assertTrue(transaction.contains("~\nNM1*03*1*TESTPATIENT*FINN~\nDMG*D8*20150505*M~\nINS*N*19~\nEQ*30~"), transaction);
        assertTrue(new org.medrelay.mappings.x12.X12Validator().validate(new java.io.ByteArrayInputStream(
                file.getBytes(StandardCharsets.ISO_8859_1))).valid(), "the 270 file is valid against the 270 schema");

        String trace = clearinghouse.tracesRead().stream().filter(t -> byTrace(t)
                .map(r -> r.check().subscriber().memberId().equals(FAMILY_MEMBER)).orElse(false)).findFirst().orElseThrow();
        CoverageEligibilityResponse response = await("the child's CoverageEligibilityResponse", () -> responseFor(trace));
        String childId = patient("MRN300006").getIdElement().toUnqualifiedVersionless().getValue();
        assertEquals(childId, response.getPatient().getReference());
        assertTrue(response.getInsuranceFirstRep().getInforce());
        assertEquals(0, new BigDecimal("25").compareTo(benefit(item(response, "98"), "B").getAllowedMoney().getValue()));
        assertEquals("ANSWERED", await("the request answered", () -> byTrace(trace).filter(r -> r.status().name().equals("ANSWERED")))
                .status().name());
    }

    private static String registration(String mrn, String name, String memberId, String controlId) {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261124083000||ADT^A04^ADT_A01|" + controlId + "|P|2.5.1|||AL|NE||UNICODE UTF-8\r"
                + "EVN|A04|20261124083000\r"
                + "PID|1||" + mrn + "^^^MRH^MR||" + name + "^^^^^L||19710214|F\r"
                + "PV1|1|O|CLINIC^101^1^MRH||||1234567890^Doctor^Dana^^^^MD^^NPI||||||||||||V" + controlId + "\r"
                + "IN1|1|AETPPO|60054^Aetna|Aetna Health Inc|||||PPO Gold|||20260101|20261231|||" + name + "|SEL|19710214"
                + "||||||||||||||||||" + memberId + "\r";
    }

    private static String appointment(String mrn, String name, String appointmentId, LocalDateTime start, String controlId) {
        String at = start.format(DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        return "MSH|^~\\&|SCHEDULER|MRH_CLINIC|MEDRELAY|EHR|20261124120000||SIU^S12^SIU_S12|" + controlId + "|P|2.5.1|||AL|NE\r"
                + "SCH|" + appointmentId + "^MRH_SCHED|F" + appointmentId + "^MRH_SCHED||||NEW^New appointment^HL70276|CHECKUP^Annual checkup^L"
                + "|ROUTINE^Routine visit^HL70276|30|MIN|^^^" + at + "^" + at + "||||||||||||||Booked\r"
                + "PID|1||" + mrn + "^^^MRH^MR||" + name + "^^^^^L||19710214|F\r"
                + "RGS|1|A\r"
                + "AIS|1|A|99213^Office visit est patient^C4|" + at + "|||30|MIN\r";
    }

    private static void send(String message) throws Exception {
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(10))) {
            AckSummary ack = AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8)));
            assertTrue(ack.accepted(), ack.toString());
        }
    }

    private static Optional<CoverageEligibilityResponse> responseFor(String trace) {
        Bundle found = ehr.search().forResource(CoverageEligibilityResponse.class)
                .where(CoverageEligibilityResponse.IDENTIFIER.exactly().systemAndIdentifier(EligibilityCodeSystems.TRACE, trace))
                .returnBundle(Bundle.class).execute();
        return found.getEntry().stream().map(e -> (CoverageEligibilityResponse) e.getResource()).findFirst();
    }

    private static Optional<CoverageEligibilityResponse> responseForMember(String memberId) {
        Bundle all = ehr.search().forResource(CoverageEligibilityResponse.class).returnBundle(Bundle.class).execute();
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(all);
        return json.contains(memberId) ? Optional.of(new CoverageEligibilityResponse()) : Optional.empty();
    }

    private static Patient patient(String mrn) {
        Bundle found = ehr.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code(mrn))
                .returnBundle(Bundle.class).execute();
        return found.hasEntry() ? (Patient) found.getEntryFirstRep().getResource() : null;
    }

    private static ItemsComponent item(CoverageEligibilityResponse response, String serviceType) {
        return response.getInsuranceFirstRep().getItem().stream()
                .filter(i -> serviceType.equals(i.getCategory().getCodingFirstRep().getCode())).findFirst().orElseThrow();
    }

    private static CoverageEligibilityResponse.BenefitComponent benefit(ItemsComponent item, String eb01) {
        return item.getBenefit().stream().filter(b -> eb01.equals(b.getType().getCodingFirstRep().getCode())).findFirst().orElseThrow();
    }

    private static List<WorkItem> workItems(WorkQueue queue) throws Exception {
        WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
        return store.list(WorkItemQuery.all().inQueue(queue));
    }

    private static Optional<StoredRequest> byTrace(String trace) {
        try {
            return requests().byTrace(trace);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EligibilityRequests requests() {
        return engine.camelContext().getRegistry().lookupByNameAndType("eligibilityRequests", EligibilityRequests.class);
    }

    private static void assertAudited(AuditAction action, String target) throws Exception {
        DataSource store = engine.camelContext().getRegistry().lookupByNameAndType("medrelayStore", DataSource.class);
        List<AuditEntry> entries = new AuditTrail(store).newestFirst(AuditQuery.ALL, 500);
        assertTrue(entries.stream().anyMatch(e -> e.event().action() == action && target.equals(e.event().target())
                        && e.event().patientKey() != null), action + " " + target + " not audited with a patient key");
    }

    private static Optional<Path> outboxFile(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(clearinghouse.outbox())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst();
        }
    }

    private static Optional<Path> outboxFileContaining(String text) throws Exception {
        try (Stream<Path> files = Files.list(clearinghouse.outbox())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("ack-")).toList()) {
                if (Files.readString(f, StandardCharsets.ISO_8859_1).contains(text)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> quarantineFile(String holding) throws Exception {
        Path folder = dir.resolve("data").resolve("eligibility").resolve("quarantine");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".x12") && !f.getFileName().toString().startsWith(".")).toList()) {
                if (Files.readString(f, StandardCharsets.ISO_8859_1).contains(holding)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        return Awaits.until(what, TIMEOUT, probe);
    }
}
