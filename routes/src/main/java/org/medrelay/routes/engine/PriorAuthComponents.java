package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.Main;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.clearinghouse.PriorAuth278Receiver;
import org.medrelay.processors.eligibility.PriorAuthCasesOfPatient;
import org.medrelay.processors.clearinghouse.StoredControlNumbers;
import org.medrelay.processors.priorauth.x12.Clearinghouse278Writer;
import org.medrelay.processors.priorauth.x12.PriorAuth278Drop;
import org.medrelay.processors.priorauth.x12.PriorAuth278Responses;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.priorauth.PriorAuthCheck;
import org.medrelay.processors.priorauth.PriorAuthRequirements;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.followup.OrderAuthorizationWriter;
import org.medrelay.processors.priorauth.followup.PasPayerEndpoint;
import org.medrelay.processors.priorauth.followup.PasPayers;
import org.medrelay.processors.priorauth.followup.PayerDecisionRecorder;
import org.medrelay.processors.priorauth.followup.PriorAuthDeadlineMonitor;
import org.medrelay.processors.priorauth.followup.PriorAuthIntake;
import org.medrelay.processors.priorauth.followup.PriorAuthOrderTrigger;
import org.medrelay.processors.priorauth.followup.PriorAuthSettings;
import org.medrelay.processors.priorauth.followup.PriorAuthStatusInquiry;
import org.medrelay.processors.priorauth.followup.PriorAuthSubmission;
import org.medrelay.processors.priorauth.followup.PriorAuthWorkItems;
import org.medrelay.processors.priorauth.pas.ChartFactsGatherer;
import org.medrelay.processors.review.ModeChangeLog;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkflowProperties;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The prior-authorization beans, from {@code medrelay.priorauth.*}: the intake that opens cases and drafts PAS
 * requests ({@code priorAuthIntake}), the submission the {@code priorauth-submit} route calls when a clinician
 * approves, the scheduled {@code $inquire} and the deadline monitor.
 */
final class PriorAuthComponents {

    static final String PAS_ENDPOINT_PREFIX = "medrelay.priorauth.pas-endpoint.";

    private PriorAuthComponents() {
    }

    /** What the eligibility workflow's clearinghouse inbox hands to prior auth: 278 responses, and 271 "authorization required". */
    record EligibilityLinks(PriorAuth278Receiver responses, PriorAuthCasesOfPatient cases) {
    }

    static EligibilityLinks bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, IGenericClient ehr,
                     PayloadCipher payloadCipher, Clock clock) {
        WorkItemAuditHook audit = WorkItemAuditHook.into(auditTrail);
        WorkItemStore workItems = new WorkItemStore(store, audit, payloadCipher);
        OperatingModes modes = new OperatingModes(new WorkflowProperties(props.asProperties()::getProperty),
                new ModeChangeLog(store, audit));
        PriorAuthCaseStore cases = new PriorAuthCaseStore(store, auditTrail, DecisionDeadlines.CMS_0057_F);
        PriorAuthWorkItems items = new PriorAuthWorkItems(workItems, modes);
        PriorAuthSettings settings = new PriorAuthSettings(Duration.ofHours(props.getLong("medrelay.priorauth.sign-off-hours")),
                Duration.ofHours(props.getLong("medrelay.priorauth.more-info-hours")),
                Duration.ofDays(props.getLong("medrelay.priorauth.appeal-window-days")));
        PasPayers payers = payers(props, ehr.getFhirContext());
        PayerDecisionRecorder decisions = new PayerDecisionRecorder(cases, items, new OrderAuthorizationWriter(ehr), settings);

        main.bind("priorAuthCases", cases);
        PriorAuthIntake intake = new PriorAuthIntake(new PriorAuthCheck(requirements(props)), cases,
                new ChartFactsGatherer(ehr, props.getInt("medrelay.priorauth.chart-lookback-days"),
                        props.getInt("medrelay.priorauth.chart-facts-per-kind"), props.getInt("medrelay.priorauth.chart-read-limit")),
                items, settings, clock, Clearinghouse278Writer.fromProperties(props.asProperties()::getProperty,
                new StoredControlNumbers(store), clock));
        main.bind("priorAuthIntake", intake);
        main.bind("priorAuthOrderTrigger", new PriorAuthOrderTrigger(intake));

        String actor = AuditActors.system(PriorAuthWorkItems.WORKFLOW);
        main.bind("priorAuth278Drop", new PriorAuth278Drop(cases, auditTrail, actor, clock));
        main.bind("priorAuthSubmission", new PriorAuthSubmission(cases, payers, decisions, clock));
        main.bind("priorAuthStatusInquiry", new PriorAuthStatusInquiry(cases, workItems, payers, decisions, clock,
                props.getInt("medrelay.priorauth.inquiry-batch")));
        main.bind("priorAuthDeadlineMonitor", new PriorAuthDeadlineMonitor(store, cases, workItems, items,
                Duration.ofDays(props.getLong("medrelay.priorauth.escalate-before-service-days")),
                Duration.ofDays(props.getLong("medrelay.priorauth.renew-before-expiry-days")), clock));
        return new EligibilityLinks(new PriorAuth278Responses(cases, decisions, auditTrail, actor, clock),
                (patientKey, payerId) -> cases.openCasesOf(patientKey, payerId).stream().map(c -> "prior-auth: case " + c.id()
                        + " for order " + c.order() + " (" + c.serviceSystem() + " " + c.serviceCode() + ") is " + c.state().word()).toList());
    }

    private static PriorAuthRequirements requirements(EngineProperties props) {
        String file = props.get("medrelay.priorauth.requirements-file");
        try {
            return file == null || file.isBlank() ? PriorAuthRequirements.shipped() : PriorAuthRequirements.fromFile(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("medrelay.priorauth.requirements-file " + file + " cannot be read", e);
        }
    }

    /** One client per payer named by a {@code medrelay.priorauth.pas-endpoint.<payer id>} property. */
    private static PasPayers payers(EngineProperties props, FhirContext fhir) {
        Map<String, PasPayerEndpoint> byPayer = new HashMap<>();
        for (String key : props.asProperties().stringPropertyNames()) {
            String url = props.get(key);
            if (key.startsWith(PAS_ENDPOINT_PREFIX) && url != null && !url.isBlank()) {
                byPayer.put(key.substring(PAS_ENDPOINT_PREFIX.length()), new PasPayerEndpoint(fhir.newRestfulGenericClient(url)));
            }
        }
        return new PasPayers(byPayer);
    }
}
