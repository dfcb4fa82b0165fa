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
import org.medrelay.processors.priorauth.OrderedService;
import org.medrelay.processors.priorauth.PayerPlan;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.priorauth.cases.NewPriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `medrelay priorauth cases` against the store of an engine configured with --config. */
class PriorAuthCasesCommandTest {

    private static final String PATIENT = "5eed0000aaaa1111bbbb2222cccc3333";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

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

    private static NewPriorAuthCase mri(String order, String serviceDate) {
        return new NewPriorAuthCase(new PriorAuthDecision(order, new OrderedService("CPT", "70551", "MRI brain"),
                new PayerPlan(Optional.of("12345"), Optional.empty()), true, "MRI needs authorization.",
                SubmissionChannel.FHIR_PAS, 7, List.of(), "priorauth/requirements.tsv line 17"),
                "Patient/syn-1", PATIENT, LocalDate.parse(serviceDate), false);
    }

    @Test
    void printsOneLinePerOpenCaseSoonestDeadlineFirst() throws Exception {
        PriorAuthCaseStore cases = new PriorAuthCaseStore(store, new AuditTrail(store), DecisionDeadlines.CMS_0057_F);
        PriorAuthCase later = cases.open(mri("ORD-A", "2026-04-01"), "system:priorauth", T0);
        PriorAuthCase submitted = cases.open(mri("ORD-B", "2026-04-01"), "system:priorauth", T0);
        cases.awaitingSignature(submitted.id(), 7, "system:priorauth", T0);
        cases.submitted(submitted.id(), null, "dr-synthetic", T0);
        PriorAuthCase withdrawn = cases.open(mri("ORD-C", "2026-03-10"), "system:priorauth", T0);
        cases.move(withdrawn.id(), PriorAuthState.WITHDRAWN, "dr-synthetic", T0, "order cancelled");

        int exit = MedRelayCli.execute("priorauth", "cases", "--config", config.toString());

        assertEquals(0, exit, streams.err());
        assertEquals(List.of(
                "{\"case\":" + submitted.id() + ",\"order\":\"ORD-B\",\"state\":\"submitted\",\"payer\":\"12345\","
                        + "\"channel\":\"fhir-pas\",\"service\":\"CPT 70551\",\"serviceDate\":\"2026-04-01\","
                        + "\"nextDeadline\":\"2026-03-09T09:00:00Z\",\"deadlineKind\":\"payer-decision-due\"}",
                "{\"case\":" + later.id() + ",\"order\":\"ORD-A\",\"state\":\"draft\",\"payer\":\"12345\","
                        + "\"channel\":\"fhir-pas\",\"service\":\"CPT 70551\",\"serviceDate\":\"2026-04-01\","
                        + "\"nextDeadline\":\"2026-04-01T00:00:00Z\",\"deadlineKind\":\"service-date\"}"),
                streams.out().lines().toList());
        assertEquals("2 open case(s)", streams.err().strip());
        long reads = new AuditTrail(store).newestFirst(AuditQuery.ALL, 50).stream()
                .filter(e -> e.event().action() == AuditAction.READ && e.event().actor().startsWith("os:")).count();
        assertEquals(2, reads);
    }

    @Test
    void anUnreachableStoreExitsThree() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "medrelay.store.url=jdbc:postgresql://127.0.0.1:1/medrelay?connectTimeout=2\n"
                + "medrelay.store.user=medrelay\n");

        assertEquals(3, MedRelayCli.execute("priorauth", "cases", "--config", bad.toString()));
    }
}
