package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.referral.ReferralLoop;
import org.medrelay.processors.referral.ReferralLoops;
import org.medrelay.processors.review.PatientRef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `medrelay referrals status|mark|triage` against the store of an engine configured with --config. */
class ReferralsCommandTest {

    private static final String PATIENT = "5eed0000aaaa1111bbbb2222cccc3333";
    private static final Instant T0 = Instant.parse("2026-11-11T09:00:00Z");

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path config;
    private HikariDataSource store;

    @BeforeEach
    void engineStore() throws Exception {
        config = EngineOnDisk.config(dir);
        store = EngineOnDisk.openStore(config);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void statusPrintsOneLinePerOpenLoopAndMarkMovesOneOn() throws Exception {
        ReferralLoops loops = new ReferralLoops(store);
        loops.open("REF-A", new PatientRef("Patient/7", PATIENT), "ServiceRequest/21", "CARD", T0, T0.plusSeconds(86400 * 3));
        ReferralLoop stalled = loops.open("REF-B", new PatientRef("Patient/8", PATIENT), null, "ENDO", T0,
                T0.plusSeconds(3600)).orElseThrow();
        loops.alerted(stalled, T0.plusSeconds(7200));
        ReferralLoop closed = loops.open("REF-C", new PatientRef("Patient/9", PATIENT), null, "GI", T0, T0).orElseThrow();
        loops.advance(closed, org.medrelay.processors.referral.ReferralStage.REPORT_RECEIVED, T0, null);

        assertEquals(0, MedRelayCli.execute("referrals", "status", "--config", config.toString()), streams.err());
        assertEquals(List.of(
                "{\"referral\":\"REF-A\",\"patient\":\"" + PATIENT + "\",\"direction\":\"outbound\",\"stage\":\"sent\","
                        + "\"since\":\"2026-11-11T09:00:00Z\",\"nextFollowUp\":\"2026-11-14T09:00:00Z\",\"followUpsSent\":0,"
                        + "\"stalled\":false,\"specialty\":\"CARD\",\"serviceRequest\":\"ServiceRequest/21\"}",
                "{\"referral\":\"REF-B\",\"patient\":\"" + PATIENT + "\",\"direction\":\"outbound\",\"stage\":\"sent\","
                        + "\"since\":\"2026-11-11T09:00:00Z\",\"nextFollowUp\":null,\"followUpsSent\":0,"
                        + "\"stalled\":true,\"specialty\":\"ENDO\",\"serviceRequest\":null}"),
                streams.out().lines().toList());
        assertEquals("2 open referral loop(s)", streams.err().strip());
        long reads = new AuditTrail(store).newestFirst(AuditQuery.ALL, 50).stream()
                .filter(e -> e.event().action() == AuditAction.READ && e.event().actor().startsWith("os:")).count();
        assertEquals(2, reads);

        assertEquals(0, MedRelayCli.execute("referrals", "mark", "REF-B", "scheduled", "--config", config.toString()));
        ReferralLoop moved = loops.find("REF-B").orElseThrow();
        assertEquals("scheduled", moved.stage().code());
        assertEquals(moved.stageAt().plus(java.time.Duration.ofDays(30)), moved.nextFollowUp(),
                "medrelay.referrals.follow-up.scheduled (P30D) from the move");
        assertEquals(1, MedRelayCli.execute("referrals", "mark", "REF-B", "acknowledged", "--config", config.toString()));
        assertEquals(1, MedRelayCli.execute("referrals", "mark", "REF-Z", "seen", "--config", config.toString()));
        assertEquals(1, MedRelayCli.execute("referrals", "mark", "REF-A", "lost", "--config", config.toString()));
    }

    @Test
    void triagePrintsTheDecisionForAnHl7ReferralAndAFhirOne() throws Exception {
        Path hl7 = TestDataFiles.copy(dir, "hl7v2/ref-i12-referral.hl7");
        Files.writeString(hl7, Files.readString(hl7).replace("MED^Medical^HL70281", "CARD^Cardiology^L"));
        assertEquals(0, MedRelayCli.execute("referrals", "triage", hl7.toString(), "--config", config.toString()), streams.err());
        assertEquals("{\"outcome\":\"schedule\",\"priority\":\"routine\",\"specialty\":\"CARD\",\"missing\":[],"
                + "\"reasons\":[\"specialty offered: CARD\",\"plan accepted: 60054\"]}", streams.out().strip());

        Path fhir = dir.resolve("referral.json");
        Files.writeString(fhir, "{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\","
                + "\"category\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"3457005\"}]}],"
                + "\"performerType\":{\"text\":\"Gastroenterology\"},\"reasonCode\":[{\"text\":\"Rectal bleeding\"}],"
                + "\"subject\":{\"reference\":\"Patient/1\"}}");
        streams.reset();
        assertEquals(0, MedRelayCli.execute("referrals", "triage", fhir.toString(), "--config", config.toString()), streams.err());
        assertEquals("{\"outcome\":\"missing-information\",\"priority\":\"asap\",\"specialty\":\"GI\","
                + "\"missing\":[\"coverage\",\"notes\",\"imaging\"],\"reasons\":[\"specialty offered: GI\","
                + "\"no coverage on the referral\",\"required document missing: notes\",\"required document missing: imaging\","
                + "\"urgency word 'bleeding': asap\"]}", streams.out().strip());

        Path notReferral = dir.resolve("lab.json");
        Files.writeString(notReferral, "{\"resourceType\":\"ServiceRequest\",\"status\":\"active\",\"intent\":\"order\","
                + "\"subject\":{\"reference\":\"Patient/1\"}}");
        assertEquals(1, MedRelayCli.execute("referrals", "triage", notReferral.toString(), "--config", config.toString()));
    }
}
