package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.cli.MedRelayCli;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: a patient put on the waitlist with `medrelay waitlist add`, then an SIU S26 no-show over MLLP for a slot
 * with the same provider and visit type, to an outreach draft for the patient who missed it and a waitlist offer for the
 * one waiting, both SCHEDULING work items; `medrelay no-show metrics` counts it. Synthetic patients only.
 */
class NoShowRecoveryEngineTest {

    private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    @TempDir
    Path dataDir;

    private static String siu(String event, String control, String appointment, String mrn, String given, String telecom,
                              String start) {
        return "MSH|^~\\&|SCHEDULER|MRH_CLINIC|MEDRELAY|EHR|20261124110000||SIU^" + event + "^SIU_S12|" + control + "|P|2.5.1|||AL|NE\r"
                + "SCH|" + appointment + "^MRH_SCHED|F" + appointment + "^MRH_SCHED||||NOSHOW^Patient did not arrive^L|"
                + "CHECKUP^Annual checkup^L|ROUTINE^Routine visit^HL70276|30|MIN|^^^" + start + "||||||||||||||Booked\r"
                + "PID|1||" + mrn + "^^^MRH^MR||Testpatient^" + given + "^^^^^L||19790101|M|||88 Nowhere Rd^^Capital City^IL^62703^USA^H||"
                + telecom + "\r"
                + "PV1|1|O|CLINIC^101^1^MRH||||1234567890^Doctor^Dana^^^^MD^^NPI\r"
                + "RGS|1|A\r"
                + "AIS|1|A|99213^Office visit est patient^C4|" + start + "|||30|MIN\r"
                + "AIP|1|A|1234567890^Doctor^Dana^^^^MD^^NPI|D^Doctor^HL70182||" + start + "\r";
    }

    @Test
    void aNoShowOverMllpBecomesAnOutreachDraftAndAWaitlistOffer() throws Exception {
        int mllpPort = TestEngines.freePort();
        int fhirPort = TestEngines.freePort();
        Path config = dataDir.resolve("application.properties");
        Files.writeString(config, "medrelay.data.dir=" + dataDir.toString().replace('\\', '/') + "\n");
        String slot = LocalDate.now(ZoneId.systemDefault()).plusDays(2).atTime(10, 0).format(HL7_TS);
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, fhirPort, Map.of())).start();
             MllpClient client = new MllpClient("127.0.0.1", mllpPort, Duration.ofSeconds(20))) {
            // The waiting patient is known to the EHR from an appointment of their own, weeks away.
            send(client, siu("S12", "WAIT-1", "APT-W1", "MRN-E2E-W", "Winifred", "^NET^Internet^winifred@example.org",
                    LocalDate.now(ZoneId.systemDefault()).plusDays(30).atTime(9, 0).format(HL7_TS)));
            await(() -> engine.messageLog().statusOf("SCHEDULER|MRH_CLINIC|WAIT-1").filter(MessageStatus.PROCESSED::equals).isPresent());
            String waiting = FhirContext.forR4Cached().newRestfulGenericClient("http://127.0.0.1:" + fhirPort + "/fhir").search()
                    .forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code("MRN-E2E-W")).returnBundle(Bundle.class)
                    .execute().getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();

            String[] added = cli("waitlist", "add", "--patient", waiting, "--authority", "MRH", "--id", "MRN-E2E-W",
                    "--provider", "1234567890", "--visit-type", "routine", "--config", config.toString());
            assertEquals("0", added[0], added[2]);

            send(client, siu("S26", "NOSHOW-1", "APT-N1", "MRN-E2E-N", "Norbert", "^PRN^CP^^1^217^5550104", slot));

            WorkItemStore store = engine.camelContext().getRegistry().lookupByNameAndType("workItemStore", WorkItemStore.class);
            await(() -> store.list(WorkItemQuery.all()).size() == 2);
            List<WorkItem> items = store.list(WorkItemQuery.all()).stream().sorted(Comparator.comparingLong(WorkItem::id)).toList();
            String date = slot.substring(0, 4) + "-" + slot.substring(4, 6) + "-" + slot.substring(6, 8);

            WorkItem rebooking = items.get(0);
            assertEquals("no-show-rebooking", rebooking.type().code());
            assertEquals(WorkQueue.SCHEDULING, rebooking.queue());
            assertEquals("outreach by sms", rebooking.suiteResult().reasons().get(0));
            String outreach = rebooking.suiteResult().draft().text();
            assertTrue(outreach.startsWith("Dear Norbert,"), outreach);
            assertTrue(outreach.contains("We missed you at your appointment with Dana Doctor on " + date + " at 10:00."), outreach);

            WorkItem offer = items.get(1);
            assertEquals("waitlist-offer", offer.type().code());
            assertEquals(waiting, offer.patient().reference());
            assertTrue(offer.suiteResult().reasons().contains("offer by email"), offer.suiteResult().reasons().toString());
            String offerText = offer.suiteResult().draft().text();
            assertTrue(offerText.startsWith("Dear Winifred,"), offerText);
            assertTrue(offerText.contains("An earlier appointment has become available with Dana Doctor on " + date + " at 10:00."),
                    offerText);
        }
        String[] metrics = cli("no-show", "metrics", "--config", config.toString());
        assertEquals("0", metrics[0], metrics[2]);
        JsonNode line = new ObjectMapper().readTree(metrics[1].strip());
        assertEquals("1234567890", line.get("provider").asText());
        assertEquals("ROUTINE", line.get("visitType").asText());
        assertEquals(2, line.get("appointments").asInt());
        assertEquals(1, line.get("noShows").asInt());
        assertEquals(0.5, line.get("noShowRate").asDouble());
        assertEquals(1, line.get("slotsOffered").asInt());
        assertEquals(0, line.get("slotsRefilled").asInt());
    }

    private static void send(MllpClient client, String message) throws Exception {
        assertEquals("AA", AckSummary.of(client.send(message.getBytes(StandardCharsets.UTF_8))).code());
    }

    /** @return exit code, stdout, stderr */
    private static String[] cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = MedRelayCli.execute(args);
            return new String[]{String.valueOf(exit), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void await(ThrowingCondition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 30 s");
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
