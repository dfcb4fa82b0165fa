package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.followup.OrderAuthorizationWriter;
import org.medrelay.processors.priorauth.followup.PayerFhirServer;
import org.medrelay.processors.priorauth.followup.PriorAuthIntake;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The X12 278 round trip on the real engine: an order for payer 67890 (channel x12-278) opens a case whose draft is the
 * 278 request, the clinician signs it, the engine drops it in the clearinghouse's SFTP outbox (Apache MINA SSHD on
 * 127.0.0.1), the clearinghouse puts the payer's 278 response in the inbox, and the case is approved with its
 * certification number and dates, written onto the order in the EHR. A broken response first is quarantined with its
 * report and changes nothing. And, end to end for a Da Vinci PAS payer: an order over MLLP (ORM^O01) that needs
 * authorization opens its case once written to the EHR, drafted for the clinician to sign; the clinician writes the
 * narrative and approves; the request goes to the payer's Claim/$submit (a HAPI server on loopback: pended) and the
 * scheduled Claim/$inquire finds it approved, with its authorization number.
 */
class PriorAuth278RoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @TempDir
    static Path dir;
    private static TestClearinghouse clearinghouse;
    private static PayerFhirServer payer;
    private static MedRelayEngine engine;
    private static IGenericClient ehr;
    private static int mllpPort;

    @BeforeAll
    static void start() throws Exception {
        // the payer's 271 for the ORM's patient: active, and authorization required for the visit (EB11 Y on 98)
        clearinghouse = new TestClearinghouse(dir.resolve("sftp"), request -> "SYN5566".equals(request.memberId())
                ? clearinghouse.response(request.trace(), request.memberId(), List.of("EB*1*IND*30^98*PR*SILVER PPO",
                "EB*B*IND*98*PR**27*30****Y*Y")) : null);
        Map<String, String> overrides = new HashMap<>(TestClearinghouse.engineProperties(clearinghouse.port()));
        overrides.put("medrelay.eligibility.sftp.inbox-poll-ms", "200");
        overrides.put("medrelay.eligibility.batch.check-ms", "200");
        overrides.put("medrelay.eligibility.batch.interval-ms", "0");
        overrides.put("medrelay.eligibility.sftp.read-lock-check-ms", "200");
        overrides.put("medrelay.eligibility.payer.67890.name", "EXAMPLE MUTUAL");
        overrides.put("medrelay.work-items.release-retry-ms", "600000");
        // payer 12345 takes Da Vinci PAS requests: $submit answers pended, $inquire approved
        payer = new PayerFhirServer(FHIR);
        overrides.put("medrelay.priorauth.pas-endpoint.12345", payer.baseUrl());
        overrides.put("medrelay.priorauth.inquiry-poll-ms", "500");
        mllpPort = TestEngines.freePort();
        engine = new MedRelayEngine(TestEngines.embedded(dir.resolve("data"), mllpPort, TestEngines.freePort(),
                overrides)).start();
        ehr = FHIR.newRestfulGenericClient(engine.fhirBaseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (clearinghouse != null) {
            clearinghouse.close();
        }
        if (payer != null) {
            payer.close();
        }
    }

    @Test
    void aSigned278GoesOutThroughTheClearinghouseAndItsA1ResponseApprovesTheCase() throws Exception {
        ehr.create().resource(new ServiceRequest().addIdentifier(new org.hl7.fhir.r4.model.Identifier()
                .setSystem("urn:oid:2.16.840.1.113883.3.9999.2").setValue("ORD8001"))
                .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE).setIntent(ServiceRequest.ServiceRequestIntent.ORDER)).execute();
        Bundle orders;
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/priorauth/servicerequest-mri-x12-bundle.json")) {
            orders = FHIR.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        PriorAuthCase opened = bean("priorAuthIntake", PriorAuthIntake.class).accept(orders, "5eed0000aaaa1111bbbb2222cccc4444").get(0);

        assertEquals(PriorAuthState.AWAITING_SIGNATURE, opened.state());
        WorkItem signOff = bean("workItemStore", WorkItemStore.class).get(opened.signOffWorkItem());
        String draft = signOff.suiteResult().draft().text();
        String trace = "PA" + opened.id();
        assertTrue(draft.contains("TRN*1*" + trace + "*9MEDRELAY0~"), draft);
        assertTrue(draft.contains("NM1*X3*2*EXAMPLE MUTUAL*****PI*67890~"), draft);
        assertTrue(draft.contains("SV1*HC:70551**UN*1~"), draft);

        bean("workItemActions", WorkItemActions.class).approve(signOff.id(), signOff.version(), "dr-synthetic");

        Path dropped = await("the 278 in the clearinghouse outbox", () -> outboxFile("278-case" + opened.id() + "-"));
        assertEquals(draft, Files.readString(dropped, StandardCharsets.ISO_8859_1));
        assertEquals(PriorAuthState.SUBMITTED, cases().get(opened.id()).state());

        clearinghouse.deliver("278-broken.x12", response(trace, 900, true).getBytes(StandardCharsets.ISO_8859_1));
        Path quarantined = await("the broken 278 response quarantined", () -> quarantineFile("278-broken"));
        String report = Files.readString(quarantined.resolveSibling(quarantined.getFileName() + ".report.txt"));
        assertTrue(report.contains("IK502 4 number of included segments does not match actual count"), report);
        assertEquals(PriorAuthState.SUBMITTED, cases().get(opened.id()).state());

        clearinghouse.deliver("278-answer.x12", response(trace, 901, false).getBytes(StandardCharsets.ISO_8859_1));
        PriorAuthCase approved = await("the case approved", () -> Optional.of(cases().get(opened.id()))
                .filter(c -> c.state() == PriorAuthState.APPROVED));
        assertEquals("AUTH90210", approved.authorization().number());
        assertEquals(LocalDate.of(2026, 12, 1), approved.authorization().start());
        assertEquals(LocalDate.of(2027, 2, 28), approved.authorization().end());
        List<String> states = cases().history(opened.id()).stream().map(h -> h.to().word()).toList();
        assertEquals(List.of("draft", "awaiting-signature", "submitted", "approved"), states);

        ServiceRequest order = (ServiceRequest) ehr.search().forResource(ServiceRequest.class)
                .where(ServiceRequest.IDENTIFIER.exactly().code("ORD8001")).returnBundle(Bundle.class).execute()
                .getEntryFirstRep().getResource();
        Extension authorization = order.getExtensionByUrl(OrderAuthorizationWriter.EXTENSION);
        assertEquals("AUTH90210", authorization.getExtensionByUrl("number").getValue().primitiveValue());
        assertEquals(List.of("EXPORT", "RECEIVE"), auditedActions("prior-auth-case/" + opened.id()));
    }

    @Test
    void anOrmOverMllpNeedingAuthorizationOpensACaseTheClinicianSignsAndThePayerApproves() throws Exception {
        byte[] orm;
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/hl7v2/orm-o01-prior-auth-mri.hl7")) {
            orm = in.readAllBytes();
        }
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(10))) {
            AckSummary ack = AckSummary.of(client.send(orm));
            assertTrue(ack.accepted(), ack.toString());
        }

        // opened in draft, then drafted and sent for signature: wait for the second step
        PriorAuthCase opened = await("the case of order ORD5001 awaiting signature", () -> cases().openCases().stream()
                .filter(c -> c.order().equals("ORD5001") && c.state() == PriorAuthState.AWAITING_SIGNATURE).findFirst());
        Patient patient = (Patient) ehr.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code("MRN100011"))
                .returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
        assertEquals("Patient/" + patient.getIdElement().getIdPart(), opened.patientReference());
        assertEquals(List.of("draft", "awaiting-signature"), cases().history(opened.id()).stream().map(h -> h.to().word()).toList());
        assertEquals("fhir-pas", opened.channel().word());
        assertEquals("70551", opened.serviceCode());
        WorkItem signOff = bean("workItemStore", WorkItemStore.class).get(opened.signOffWorkItem());
        assertEquals("prior-auth-draft", signOff.type().code());
        assertEquals("clinician", signOff.queue().code());
        Bundle pas = FHIR.newJsonParser().parseResource(Bundle.class, signOff.suiteResult().draft().text());
        assertEquals("70551", ((Claim) pas.getEntryFirstRep().getResource()).getItemFirstRep().getProductOrService()
                .getCodingFirstRep().getCode());
        // the office visit on the same message needs none: no case
        assertEquals(List.of(), cases().openCases().stream().filter(c -> c.order().equals("ORD5002")).toList());

        // the patient registers; the payer's 271 says the visit needs authorization: the front desk sees the open case
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(10))) {
            AckSummary ack = AckSummary.of(client.send(("MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261124083000||ADT^A04^ADT_A01|PAREG1|P|2.5.1|||AL|NE\r"
                    + "EVN|A04|20261124083000\r"
                    + "PID|1||MRN100011^^^MRH^MR||Notreal^Imogen^^^^^L||19680412|F\r"
                    + "PV1|1|O|NEURO^1^1^MRH||||1234567890^Doctor^Dana^^^^MD^^NPI||||||||||||VPAREG1\r"
                    + "IN1|1|SILVERPPO01|12345^Notreal Health Plan|Notreal Health Plan|||||Silver PPO|||20260101|20261231|||Notreal^Imogen|SEL|19680412"
                    + "||||||||||||||||||SYN5566\r").getBytes(StandardCharsets.UTF_8)));
            assertTrue(ack.accepted(), ack.toString());
        }
        WorkItem gap = await("the front-desk gap item", () -> bean("workItemStore", WorkItemStore.class)
                .list(WorkItemQuery.all().inQueue(WorkQueue.FRONT_DESK)).stream().filter(i -> i.patient().reference()
                        .equals(opened.patientReference())).findFirst());
        List<String> reasons = gap.suiteResult().reasons();
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("prior-authorization-required: the payer requires authorization for service type 98")),
                reasons.toString());
        assertTrue(reasons.contains("prior-auth: case " + opened.id() + " for order ORD5001 (CPT 70551) is awaiting-signature"),
                reasons.toString());
        assertEquals(List.of(), payer.submitted, "nothing goes to the payer before the clinician signs");

        // the clinician writes the narrative where the draft marks it and approves: the request goes to $submit
        Claim claim = (Claim) pas.getEntryFirstRep().getResource();
        claim.getSupportingInfo().stream().filter(info -> info.hasValueStringType()).findFirst().orElseThrow()
                .setValue(new StringType("Six weeks of physical therapy without relief; new focal weakness."));
        bean("workItemActions", WorkItemActions.class).approveEdited(signOff.id(), signOff.version(), "dr-synthetic",
                Draft.text(FHIR.newJsonParser().encodeResourceToString(pas), "application/fhir+json"));
        await("the request at the payer's $submit", () -> payer.submitted.stream().findFirst());
        Claim sent = (Claim) payer.submitted.get(0).getEntryFirstRep().getResource();
        assertEquals(Claim.Use.PREAUTHORIZATION, sent.getUse());
        assertTrue(sent.getSupportingInfo().stream().anyMatch(info -> info.hasValueStringType()
                && info.getValueStringType().getValue().startsWith("Six weeks of physical therapy")), "the clinician's narrative");

        // pended at $submit, approved at the next scheduled $inquire
        PriorAuthCase approved = await("the case approved", () -> Optional.of(cases().get(opened.id()))
                .filter(c -> c.state() == PriorAuthState.APPROVED));
        assertEquals(PayerFhirServer.AUTHORIZATION, approved.authorization().number());
        assertEquals(List.of("draft", "awaiting-signature", "submitted", "pended", "approved"),
                cases().history(opened.id()).stream().map(h -> h.to().word()).toList());
        assertTrue(payer.inquired.size() >= 1);
    }

    /** The payer's 278 response through the clearinghouse: A1 certified; broken: SE01 counts one segment too few. */
    private static String response(String trace, int number, boolean broken) {
        List<String> body = new ArrayList<>(List.of("ST*278*0" + number + "*005010X217", "BHT*0007*11*" + trace + "*20261201*1015*18",
                "HL*1**20*1", "NM1*X3*2*EXAMPLE MUTUAL*****PI*67890", "HL*2*1*21*1", "NM1*1P*1*DOCTOR*DANA****XX*1234567890",
                "HL*3*2*22*1", "NM1*IL*1*NOTREAL*SAGE****MI*Z7788042", "HL*4*3*EV*1", "TRN*2*" + trace + "*9MEDRELAY0",
                "UM*HS*I*1*11:B", "HCR*A1*AUTH90210", "DTP*007*D8*20261201", "DTP*036*D8*20270228", "HI*ABK:R519", "HL*5*4*SS*0", "UM*HS*I", "HCR*A1*AUTH90210",
                "DTP*007*D8*20261201", "DTP*036*D8*20270228", "SV1*HC:70551**UN*1"));
        body.add("SE*" + (body.size() + (broken ? 0 : 1)) + "*0" + number);
        String isa13 = String.format("%09d", number);
        StringBuilder x12 = new StringBuilder("ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*MEDRELAY       *261201*1015*^*00501*"
                + isa13 + "*0*T*:~\n");
        x12.append("GS*HI*CLEARINGHOUSE*MEDRELAY*20261201*1015*").append(number).append("*X*005010X217~\n");
        body.forEach(segment -> x12.append(segment).append("~\n"));
        x12.append("GE*1*").append(number).append("~\nIEA*1*").append(isa13).append("~\n");
        return x12.toString();
    }

    /** The export and receipt audit entries of a target, oldest first, each with the patient's key. */
    private static List<String> auditedActions(String target) throws Exception {
        List<AuditEntry> entries = new AuditTrail(bean("medrelayStore", DataSource.class)).newestFirst(AuditQuery.ALL, 500);
        List<String> actions = new ArrayList<>(entries.stream().filter(e -> target.equals(e.event().target()))
                .filter(e -> e.event().patientKey() != null)
                .map(e -> e.event().action()).filter(a -> a == AuditAction.EXPORT || a == AuditAction.RECEIVE)
                .map(Enum::name).toList());
        java.util.Collections.reverse(actions);
        return actions;
    }

    private static PriorAuthCaseStore cases() {
        return bean("priorAuthCases", PriorAuthCaseStore.class);
    }

    private static <T> T bean(String name, Class<T> type) {
        return engine.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    private static Optional<Path> outboxFile(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(clearinghouse.outbox())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst();
        }
    }

    private static Optional<Path> quarantineFile(String named) throws Exception {
        Path folder = dir.resolve("data").resolve("eligibility").resolve("quarantine");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().contains(named) && f.getFileName().toString().endsWith(".x12")).findFirst();
        }
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        return Awaits.until(what, TIMEOUT, probe);
    }
}
