package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.OrderedService;
import org.medrelay.processors.priorauth.PayerPlan;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.priorauth.cases.NewPriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * `medrelay priorauth metrics` over a store holding four cases of March 2026 (all their deadlines long past, so the
 * counts do not depend on when the test runs).
 */
class PriorAuthMetricsCommandTest {

    private static final String PATIENT = "5eed0000aaaa1111bbbb2222cccc3333";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ACTOR = "system:priorauth";

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

    private static NewPriorAuthCase mri(String order, String payer, String serviceDate) {
        return new NewPriorAuthCase(new PriorAuthDecision(order, new OrderedService("CPT", "70551", "MRI brain"),
                new PayerPlan(Optional.of(payer), Optional.empty()), true, "MRI needs authorization.",
                SubmissionChannel.FHIR_PAS, 7, List.of(), "priorauth/requirements.tsv line 17"),
                "Patient/syn-1", PATIENT, LocalDate.parse(serviceDate), false);
    }

    private static PriorAuthCase submitted(PriorAuthCaseStore cases, NewPriorAuthCase c, long signOff) throws Exception {
        PriorAuthCase opened = cases.open(c, ACTOR, T0);
        cases.awaitingSignature(opened.id(), signOff, ACTOR, T0);
        return cases.submitted(opened.id(), null, "dr-synthetic", T0);
    }

    @Test
    void printsOpenCasesByStateDecisionTimesByPayerAndDeadlinesMetAndMissed() throws Exception {
        PriorAuthCaseStore cases = new PriorAuthCaseStore(store, new AuditTrail(store), DecisionDeadlines.CMS_0057_F);
        cases.open(mri("ORD-A", "12345", "2026-04-01"), ACTOR, T0);
        PriorAuthCase b = submitted(cases, mri("ORD-B", "12345", "2026-04-01"), 1);
        cases.approved(b.id(), new PriorAuthCase.Authorization("AUTH1", 1, LocalDate.parse("2026-03-03"), LocalDate.parse("2026-06-01")),
                ACTOR, T0.plus(Duration.ofHours(26)), "A1");
        PriorAuthCase c = submitted(cases, mri("ORD-C", "67890", "2026-03-20"), 2);
        cases.denied(c.id(), T0.plus(Duration.ofDays(40)), ACTOR, T0.plus(Duration.ofDays(10)), "A3");
        submitted(cases, mri("ORD-D", "67890", "2026-04-01"), 3);

        int exit = MedRelayCli.execute("priorauth", "metrics", "--config", config.toString());

        assertEquals(0, exit, streams.err());
        assertEquals(List.of(
                "{\"metric\":\"open-cases\",\"state\":\"draft\",\"cases\":1}",
                "{\"metric\":\"open-cases\",\"state\":\"submitted\",\"cases\":1}",
                "{\"metric\":\"open-cases\",\"state\":\"approved\",\"cases\":1}",
                "{\"metric\":\"open-cases\",\"state\":\"denied\",\"cases\":1}",
                "{\"metric\":\"time-to-decision\",\"payer\":\"12345\",\"decided\":1,\"medianHours\":26.0,\"maxHours\":26.0}",
                "{\"metric\":\"time-to-decision\",\"payer\":\"67890\",\"decided\":1,\"medianHours\":240.0,\"maxHours\":240.0}",
                // B decided within its 7 days; C ten days after submission; D not at all
                "{\"metric\":\"deadline\",\"kind\":\"payer-decision-due\",\"met\":1,\"missed\":2,\"pending\":0}",
                // only B was approved before its service date
                "{\"metric\":\"deadline\",\"kind\":\"service-date\",\"met\":1,\"missed\":3,\"pending\":0}"),
                streams.out().lines().toList());
        assertEquals("4 case(s) read", streams.err().strip());
    }

    @Test
    void anUnreachableStoreExitsThree() throws Exception {
        Path broken = dir.resolve("broken.properties");
        Files.writeString(broken, "medrelay.store.url=jdbc:postgresql://127.0.0.1:1/none\n");

        int exit = MedRelayCli.execute("priorauth", "metrics", "--config", broken.toString());

        assertEquals(3, exit);
        assertEquals("", streams.out());
    }
}
