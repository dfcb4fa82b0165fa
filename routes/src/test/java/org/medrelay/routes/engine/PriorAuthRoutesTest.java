package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.followup.PriorAuthIntake;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The prior-auth beans and routes as the engine wires them from its properties: a case opened by the intake bean,
 * the clinician's approval released through medrelay.workflow.prior-auth.release-uri (direct:priorauth-submit) to
 * the payer's PAS endpoint. The payer here is the engine's own sandbox FHIR server, which has no Claim/$submit: the
 * release fails, and the item stays approved with the reason, as it does when a real payer is down.
 */
class PriorAuthRoutesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    @TempDir
    static Path dataDir;
    private static MedRelayEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        int fhirPort = TestEngines.freePort();
        engine = new MedRelayEngine(TestEngines.embedded(dataDir, TestEngines.freePort(), fhirPort, Map.of(
                "medrelay.priorauth.pas-endpoint.12345", "http://127.0.0.1:" + fhirPort + "/fhir",
                "medrelay.work-items.release-retry-ms", "600000"))).start();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static <T> T bean(String name, Class<T> type) {
        return engine.camelContext().getRegistry().lookupByNameAndType(name, type);
    }

    @Test
    void anApprovedRequestGoesThroughTheSubmitRouteToThePayersEndpoint() throws Exception {
        Bundle orders;
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/priorauth/servicerequest-mri-pas-bundle.json")) {
            orders = FHIR.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<PriorAuthCase> opened = bean("priorAuthIntake", PriorAuthIntake.class).accept(orders, "5eed0000aaaa1111bbbb2222cccc3333");
        PriorAuthCase c = opened.get(0);
        assertEquals(PriorAuthState.AWAITING_SIGNATURE, c.state());

        WorkItem signOff = bean("workItemStore", WorkItemStore.class).get(c.signOffWorkItem());
        Bundle draft = FHIR.newJsonParser().parseResource(Bundle.class, signOff.suiteResult().draft().text());
        ((Claim) draft.getEntryFirstRep().getResource()).getSupportingInfo().stream().filter(s -> s.hasValueStringType())
                .forEach(s -> s.setValue(new StringType("Six weeks of physical therapy without relief.")));
        WorkItem after = bean("workItemActions", WorkItemActions.class).approveEdited(signOff.id(), signOff.version(),
                "dr-synthetic", Draft.text(FHIR.newJsonParser().encodeResourceToString(draft), "application/fhir+json"));

        assertEquals(WorkItemStatus.APPROVED, after.status());
        // the release names the exception's kind only (README: a failed release names the failure's kind)
        assertEquals("release to direct:priorauth-submit failed: DraftReleaseException", after.release().lastFailure());
        assertEquals(PriorAuthState.AWAITING_SIGNATURE, bean("priorAuthCases", PriorAuthCaseStore.class).get(c.id()).state());
    }
}
