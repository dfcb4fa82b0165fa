package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.processors.store.StoredError;
import org.medrelay.routes.cli.MedRelayCli;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log scan: synthetic messages full of known names, MRNs, birth dates, addresses, phone numbers and member
 * ids go through every route of the engine (accepted, refused at the door with AR and AE, refused by processing,
 * framing errors, dead-lettered while the EHR is down, reprocessed, resent as duplicates), work items go through
 * every action and route, and the CLI commands run against the same store. Not one of the values may appear in any
 * log line or on the console. Each route must have logged something, so the scan cannot pass by seeing nothing.
 */
class PhiLogScanTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Routes whose log lines (Camel's MDC names the route) the scan must have seen. */
    private static final Set<String> ROUTES = Set.of("hl7-mllp-in", "hl7-process-message", "errors-reprocess", "errors-audit",
            "audit-retention", "work-items-escalation", "work-items-release-retry", "work-item-release-log",
            "work-items-task-sync");

    @TempDir
    Path dataDir;

    private MedRelayEngine engine;
    private int mllpPort;
    private Path config;
    private final List<String> commandOutput = new ArrayList<>();

    @Test
    void noRouteNorCommandLogsTheNamesIdentifiersOrBirthDatesOfTheMessagesItHandles() throws Exception {
        List<CapturedOutput.Line> lines;
        String console;
        try (CapturedOutput output = new CapturedOutput()) {
            int ehrPort = TestEngines.freePort(); // nothing listens here until the EHR "comes back"
            mllpPort = TestEngines.freePort();
            config = writeCliConfig();
            try (MedRelayEngine started = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, ehrPort, Map.ofEntries(
                    Map.entry("medrelay.fhir.sandbox.enabled", "false"),
                    Map.entry("medrelay.fhir.connect-timeout-ms", "500"),
                    Map.entry("medrelay.audit.errors-poll-ms", "200"),
                    Map.entry("medrelay.audit.retention-check-ms", "500"),
                    Map.entry("medrelay.work-items.escalation-poll-ms", "200"),
                    Map.entry("medrelay.work-items.release-retry-ms", "200"),
                    Map.entry("medrelay.work-items.release-retry-first-delay-ms", "100"),
                    Map.entry("medrelay.work-items.task-sync-poll-ms", "300"),
                    Map.entry("medrelay.workflow.denials.release-uri", "direct:denials-outbox?block=false"),
                    // Each log line then carries the route it came from, so the scan can tell every route logged.
                    Map.entry("camel.main.use-mdc-logging", "true")))).start()) {
                engine = started;
                ErrorStore errors = new ErrorStore(bean("medrelayStore", DataSource.class));

                StoredError deadLetter = deadLetterWhileTheEhrIsDown(errors);
                try (SandboxFhirServer ehr = new SandboxFhirServer(SandboxFhirSettings.of(
                        "jdbc:h2:file:" + dataDir.resolve("ehr") + ";WRITE_DELAY=0", "127.0.0.1", ehrPort, "/fhir"))) {
                    ehr.start();
                    reprocessWithTheCli(deadLetter);
                    acceptedMessagesAndADuplicate();
                    refusalsAtTheDoor();
                    refusalsByProcessing(errors);
                    framingError(errors);
                    workItemsThroughEveryAction(ehr.getBaseUrl());
                    commandsThatPrint();
                    Thread.sleep(1000); // a few more polls of every timer route
                }
            }
            lines = output.logLines();
            console = output.console();
        }

        List<String> leaks = new ArrayList<>();
        for (CapturedOutput.Line line : lines) {
            leaks.addAll(found(line.logger() + ": " + line.text()));
        }
        leaks.addAll(found(console));
        commandOutput.forEach(text -> leaks.addAll(found(text)));
        assertEquals(List.of(), leaks, "PHI in log or console output");

        Set<String> routesSeen = new TreeSet<>();
        lines.stream().filter(l -> l.routeId() != null).forEach(l -> routesSeen.add(l.routeId()));
        assertTrue(routesSeen.containsAll(ROUTES), "log lines from every route; seen only " + routesSeen);
        assertTrue(lines.stream().anyMatch(l -> l.text().contains("AMQ222059")),
                "Artemis reported the duplicate it dropped (and the line was scanned)");
        assertTrue(lines.size() > 50, "the scan read " + lines.size() + " lines");
    }

    private StoredError deadLetterWhileTheEhrIsDown(ErrorStore errors) throws Exception {
        assertEquals("AA", send(PhiMessages.deadLetterAdt()).code());
        await(() -> errors.list(10).stream().anyMatch(e -> e.kind() == ErrorKind.DEAD_LETTER));
        return errors.list(10).stream().filter(e -> e.kind() == ErrorKind.DEAD_LETTER).findFirst().orElseThrow();
    }

    private void reprocessWithTheCli(StoredError deadLetter) throws Exception {
        cli("errors", "list", "--config", config.toString());
        cli("errors", "reprocess", String.valueOf(deadLetter.id()), "--config", config.toString());
        awaitStatus("REGADT|MRH_CLINIC|LS-DLQ-1", MessageStatus.PROCESSED);
    }

    private void acceptedMessagesAndADuplicate() throws Exception {
        for (String message : List.of(PhiMessages.acceptedAdt(), PhiMessages.acceptedOru(), PhiMessages.acceptedSiu())) {
            assertEquals("AA", send(message).code());
        }
        awaitStatus("REGADT|MRH_CLINIC|LS-ADT-1", MessageStatus.PROCESSED);
        awaitStatus("LAB|MRH_CLINIC|LS-ORU-1", MessageStatus.PROCESSED);
        awaitStatus("SCHEDULER|MRH_CLINIC|LS-SIU-1", MessageStatus.PROCESSED);
        assertEquals("AA", send(PhiMessages.acceptedAdt()).code(), "a resend is acknowledged and dropped");
    }

    private void refusalsAtTheDoor() throws Exception {
        assertEquals("AR", send(PhiMessages.unsupportedType()).code());
        assertEquals("AE", send(PhiMessages.missingControlId()).code());
        assertEquals("AR", send(PhiMessages.badSegment()).code());
        assertEquals("AR", send(PhiMessages.badVersion()).code());
    }

    /** One message the mapper refuses (no mapping for the event), one whose impossible birth date it leaves out. */
    private void refusalsByProcessing(ErrorStore errors) throws Exception {
        assertEquals("AA", send(PhiMessages.unknownEvent()).code());
        assertEquals("AA", send(PhiMessages.impossibleBirthDate()).code());
        await(() -> errors.list(50).stream().filter(e -> e.kind() == ErrorKind.UNPROCESSABLE).count() >= 1
                && engine.messageLog().statusOf("REGADT|MRH_CLINIC|LS-DOB-1").filter(s -> s != MessageStatus.PROCESSING)
                .isPresent());
    }

    private void framingError(ErrorStore errors) throws Exception {
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            client.writeRaw(PhiMessages.unframed().getBytes(StandardCharsets.UTF_8));
            // A framed message behind the stray bytes makes the decoder report them.
            assertEquals("AR", AckSummary.of(client.send(PhiMessages.unsupportedType()
                    .replace("LS-BAR-1", "LS-BAR-2").getBytes(StandardCharsets.UTF_8))).code());
        }
        await(() -> errors.list(50).stream().anyMatch(e -> e.kind() == ErrorKind.FRAMING));
    }

    private void workItemsThroughEveryAction(String ehrBaseUrl) throws Exception {
        WorkItemIntake intake = bean("workItemIntake", WorkItemIntake.class);
        WorkItemActions actions = bean("workItemActions", WorkItemActions.class);
        WorkItemStore store = bean("workItemStore", WorkItemStore.class);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

        WorkItem overdue = intake.accept(item("eligibility", WorkItemType.ELIGIBILITY_GAP, WorkQueue.FRONT_DESK,
                Instant.now().minusSeconds(30)));
        WorkItem approved = intake.accept(item("eligibility", WorkItemType.ELIGIBILITY_GAP, WorkQueue.FRONT_DESK, tomorrow));
        actions.approve(approved.id(), approved.version(), "frontdesk.kim");
        WorkItem unreleased = intake.accept(item("denials", WorkItemType.DENIAL_WORKUP, WorkQueue.BILLING, tomorrow));
        actions.approve(unreleased.id(), unreleased.version(), "billing.raj"); // its endpoint has no consumer: retried
        WorkItem rejected = intake.accept(item("refills", WorkItemType.REFILL_REQUEST, WorkQueue.CLINICIAN, tomorrow));
        actions.reject(rejected.id(), rejected.version(), "dr.osei",
                "Quillon Vantaberry (QVX558201, born 1958-03-17) was seen by Zephyrine Blackhollow already");
        WorkItem reassigned = intake.accept(item("fax", WorkItemType.FAX_TRIAGE, WorkQueue.RECORDS, tomorrow));
        actions.reassign(reassigned.id(), reassigned.version(), "records.lee", WorkQueue.SCHEDULING, "sched.ana");
        WorkItem decidedInEhr = intake.accept(item("prior-auth", WorkItemType.PRIOR_AUTH_DRAFT, WorkQueue.CLINICIAN,
                tomorrow));

        await(() -> store.get(overdue.id()).status() == WorkItemStatus.ESCALATED);
        IGenericClient ehr = FhirContext.forR4Cached().newRestfulGenericClient(ehrBaseUrl);
        String search = "Task?identifier=urn:medrelay:work-item|" + decidedInEhr.id();
        await(() -> ehr.search().byUrl(search).returnBundle(Bundle.class).execute().getEntry().size() == 1);
        Task task = (Task) ehr.search().byUrl(search).returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
        ehr.update().resource(task.setStatus(Task.TaskStatus.COMPLETED)).execute();
        await(() -> store.get(decidedInEhr.id()).status() != WorkItemStatus.OPEN);
        await(() -> store.get(unreleased.id()).release().attempts() >= 2);
    }

    private void commandsThatPrint() throws Exception {
        Path bad = Files.writeString(dataDir.resolve("bad.hl7"), PhiMessages.badSegment());
        Path unknown = Files.writeString(dataDir.resolve("unknown.hl7"), PhiMessages.unknownEvent());
        Path good = Files.writeString(dataDir.resolve("good.hl7"), PhiMessages.acceptedAdt());
        cli("hl7", "to-fhir", bad.toString());
        cli("hl7", "to-fhir", unknown.toString());
        // The Bundle on stdout is the command's data, with the patient in it by design; its stderr is scanned.
        CapturedOutput.Streams bundle = CapturedOutput.isolated(() -> MedRelayCli.execute("hl7", "to-fhir", good.toString()));
        assertTrue(bundle.out().contains("Vantaberry"), "to-fhir printed the Bundle");
        commandOutput.add(bundle.err());
        cli("hl7", "send", Files.writeString(dataDir.resolve("send.hl7"), PhiMessages.unsupportedType()
                .replace("LS-BAR-1", "LS-BAR-3")).toString(), "--host", "127.0.0.1", "--port", String.valueOf(mllpPort));
        cli("errors", "list", "--config", config.toString());
        cli("audit", "list", "--config", config.toString());
        cli("audit", "export", "--config", config.toString());
        cli("audit", "verify", "--config", config.toString());
        cli("audit", "patient-key", "--authority", "MRH", "--id", "QVX558201", "--config", config.toString());
    }

    /** Runs a CLI command in this JVM; both its streams are scanned. */
    private void cli(String... args) throws Exception {
        CapturedOutput.Streams streams = CapturedOutput.isolated(() -> MedRelayCli.execute(args));
        commandOutput.add(streams.out());
        commandOutput.add(streams.err());
    }

    private NewWorkItem item(String workflow, WorkItemType type, WorkQueue queue, Instant due) {
        return new NewWorkItem(type, workflow, new PatientRef("Patient/qvx-ehr-5521", "7c41e0a9d25b38f6e1a0c4d2"),
                queue, null, due, WorkItemPriority.URGENT,
                SuiteResult.draft(Draft.text("Dear Quillon Vantaberry (born 1958-03-17, MRN QVX558201): member "
                        + "ZKW918273645 at 4471 Marrowgate Lane, Fennimore, phone 608-555-0143.", "text/plain"), 0.8,
                        List.of("271 EB01=6 for member ZKW918273645", "group HMP-7730-2291")),
                "REGADT|MRH_CLINIC|LS-ADT-1",
                List.of(WorkItemLink.fhir("Coverage/cov-qvx", "Quillon Vantaberry's coverage ZKW918273645")));
    }

    private Path writeCliConfig() throws Exception {
        return Files.writeString(dataDir.resolve("application.properties"), "medrelay.data.dir=" + dataDir + "\n");
    }

    private AckSummary send(String message) throws Exception {
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            return AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void awaitStatus(String dedupKey, MessageStatus expected) throws Exception {
        await(() -> engine.messageLog().statusOf(dedupKey).filter(expected::equals).isPresent());
    }

    private <T> T bean(String name, Class<T> type) {
        return engine.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    private static List<String> found(String text) {
        return PhiMessages.VALUES.stream().filter(text::contains)
                .map(value -> value + " in: " + around(text, value)).toList();
    }

    private static String around(String text, String value) {
        int at = text.indexOf(value);
        return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + value.length() + 100));
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + TIMEOUT);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
