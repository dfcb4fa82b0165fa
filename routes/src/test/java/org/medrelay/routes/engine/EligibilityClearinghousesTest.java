package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.eligibility.EligibilityCodeSystems;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Two clearinghouses, two SFTP servers on 127.0.0.1 (Apache MINA SSHD): payer 87726 is routed to the second by the
 * payer table, every other payer goes through the default. Each 270 goes to its payer's clearinghouse with that
 * clearinghouse's ISA/GS receiver ids and delimiters, each inbox is read, and both 271s reach the EHR.
 */
class EligibilityClearinghousesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DEFAULT_MEMBER = "XK51001";
    private static final String SECOND_MEMBER = "UH52002";

    @TempDir
    static Path dir;

    private static TestClearinghouse first;
    private static TestClearinghouse second;
    private static MedRelayEngine engine;
    private static int mllpPort;
    private static IGenericClient ehr;

    @BeforeAll
    static void start() throws Exception {
        first = new TestClearinghouse(dir.resolve("first").resolve("sftp"), r -> first.response(r.trace(), r.memberId(),
                List.of("EB*1*IND*30*PR*PPO")));
        second = new TestClearinghouse(dir.resolve("second").resolve("sftp"), r -> second.response(r.trace(), r.memberId(),
                List.of("EB*1*IND*30*PR*CHOICE PLUS")));
        Path table = dir.resolve("payer-clearinghouses.tsv");
        Files.writeString(table, "# payer id\tclearinghouse\n87726\tsecond\n");
        mllpPort = TestEngines.freePort();
        Map<String, String> overrides = new HashMap<>(TestClearinghouse.engineProperties(first.port()));
        overrides.put("medrelay.eligibility.batch.check-ms", "200");
        overrides.put("medrelay.eligibility.batch.interval-ms", "0");
        overrides.put("medrelay.eligibility.sftp.inbox-poll-ms", "200");
        overrides.put("medrelay.eligibility.sftp.read-lock-check-ms", "200");
        overrides.put("medrelay.eligibility.clearinghouses", "second");
        overrides.put("medrelay.eligibility.clearinghouses.second.sftp.port", String.valueOf(second.port()));
        overrides.put("medrelay.eligibility.clearinghouses.second.isa-receiver-id", "SECONDCH");
        overrides.put("medrelay.eligibility.clearinghouses.second.gs-receiver", "SECONDCH");
        overrides.put("medrelay.eligibility.clearinghouses.second.delimiters.segment", "'");
        overrides.put("medrelay.eligibility.clearinghouses.second.delimiters.element", "|");
        overrides.put("medrelay.eligibility.payer-clearinghouses", table.toString());
        engine = new MedRelayEngine(TestEngines.embedded(dir.resolve("data"), mllpPort, TestEngines.freePort(), overrides)).start();
        ehr = FhirContext.forR4Cached().newRestfulGenericClient(engine.fhirBaseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachRequestGoesToItsPayersClearinghouseAndBothInboxesAreRead() throws Exception {
        assertTrue(engine.camelContext().getRoute("eligibility-request-out-second") != null);
        assertTrue(engine.camelContext().getRoute("eligibility-response-in-second") != null);
        send(registration("MRN510001", "Testpatient^Iris", "60054^Aetna", DEFAULT_MEMBER, "CH0001"));
        send(registration("MRN510002", "Testpatient^Jude", "87726^United", SECOND_MEMBER, "CH0002"));

        String defaultTrace = await("the default clearinghouse's 270", () -> first.tracesRead().stream().findFirst());
        String secondTrace = await("the second clearinghouse's 270", () -> second.tracesRead().stream().findFirst());
        String firstFile = String.join("", first.filesRead());
        String secondFile = String.join("", second.filesRead());
        assertTrue(firstFile.contains("NM1*IL*1*TESTPATIENT*IRIS****MI*" + DEFAULT_MEMBER + "~"), firstFile);
        assertFalse(firstFile.contains(SECOND_MEMBER), "payer 87726 is not sent to the default clearinghouse");
        assertTrue(firstFile.contains("*ZZ*CLEARINGHOUSE  *"), firstFile);
        assertTrue(secondFile.startsWith("ISA|00|"), secondFile);
        assertTrue(secondFile.contains("|ZZ|SECONDCH       |"), secondFile);
        assertTrue(secondFile.contains("GS|HS|MEDRELAY|SECONDCH|"), secondFile);
        assertTrue(secondFile.contains("NM1|IL|1|TESTPATIENT|JUDE||||MI|" + SECOND_MEMBER + "'"), secondFile);
        assertFalse(secondFile.contains(DEFAULT_MEMBER));

        CoverageEligibilityResponse fromFirst = await("the default clearinghouse's answer in the EHR", () -> responseFor(defaultTrace));
        CoverageEligibilityResponse fromSecond = await("the second clearinghouse's answer in the EHR", () -> responseFor(secondTrace));
        assertTrue(fromFirst.getInsuranceFirstRep().getInforce());
        assertTrue(fromSecond.getInsuranceFirstRep().getInforce());
        await("the 999 in the second clearinghouse's outbox", () -> outboxFile(second, "ack-reply-" + secondTrace));
        await("the 999 in the default clearinghouse's outbox", () -> outboxFile(first, "ack-reply-" + defaultTrace));
    }

    private static String registration(String mrn, String name, String payer, String memberId, String controlId) {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261124083000||ADT^A04^ADT_A01|" + controlId + "|P|2.5.1|||AL|NE||UNICODE UTF-8\r"
                + "EVN|A04|20261124083000\r"
                + "PID|1||" + mrn + "^^^MRH^MR||" + name + "^^^^^L||19750309|F\r"
                + "PV1|1|O|CLINIC^101^1^MRH||||1234567890^Doctor^Dana^^^^MD^^NPI||||||||||||V" + controlId + "\r"
                + "IN1|1|PLAN|" + payer + "|Payer|||||Plan|||20260101|20261231|||" + name + "|SEL|19750309"
                + "||||||||||||||||||" + memberId + "\r";
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

    private static Optional<Path> outboxFile(TestClearinghouse clearinghouse, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(clearinghouse.outbox())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst();
        }
    }

    private static <T> T await(String what, Callable<Optional<T>> probe) throws Exception {
        return Awaits.until(what, TIMEOUT, probe);
    }
}
