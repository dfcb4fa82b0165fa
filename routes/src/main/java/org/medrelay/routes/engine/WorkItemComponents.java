package org.medrelay.routes.engine;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.review.DecisionHistory;
import org.medrelay.processors.review.DraftDelivery;
import org.medrelay.processors.review.FhirTaskMirror;
import org.medrelay.processors.review.FhirTaskStatusSync;
import org.medrelay.processors.review.ModeChangeLog;
import org.medrelay.processors.review.ModeSwitch;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.OverdueEscalator;
import org.medrelay.processors.review.OverdueNotices;
import org.medrelay.processors.review.ReleaseClaims;
import org.medrelay.processors.review.ReleaseRetries;
import org.medrelay.processors.review.ScorecardCalculator;
import org.medrelay.processors.review.TaskMirrorLedger;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemTaskMapper;
import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.routes.review.CamelDraftRelease;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The work item beans (intake, actions, release, escalation, operating modes, scorecard, the EHR Task mirror),
 * built from {@code medrelay.workflow.*} and {@code medrelay.work-items.*} and bound for the
 * {@code work-items-*} routes and the API. Kept apart from {@link EngineComponents} so each wires one thing.
 * Every work item change and mode switch is appended to the engine's audit trail in the change's transaction.
 */
final class WorkItemComponents {

    private WorkItemComponents() {
    }

    /**
     * @param payloadCipher seals drafts and edits in the store and opens them for release and the Task mirror
     * @return the intake, for the workflows that hand their results to it
     */
    static WorkItemIntake bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, IGenericClient ehr,
                     PayloadCipher payloadCipher, Clock clock) {
        WorkflowProperties workflows = new WorkflowProperties(props.asProperties()::getProperty);
        WorkItemAuditHook audit = WorkItemAuditHook.into(auditTrail);
        WorkItemStore workItems = new WorkItemStore(store, audit, payloadCipher);
        ModeChangeLog modeChanges = new ModeChangeLog(store, audit);
        OperatingModes modes = new OperatingModes(workflows, modeChanges);
        ScorecardCalculator scorecards = new ScorecardCalculator(new DecisionHistory(store), modes);

        CamelDraftRelease release = new CamelDraftRelease(workflows);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                release.useCamelContext(configured.getCamelContext());
            }
        });
        DraftDelivery delivery = new DraftDelivery(workItems,
                new ReleaseClaims(store, Duration.ofMillis(props.getLong("medrelay.work-items.release-lease-ms"))),
                release, clock, new ReleaseRetries(props.getInt("medrelay.work-items.release-retry-batch"),
                        Duration.ofMillis(props.getLong("medrelay.work-items.release-retry-first-delay-ms")),
                        Duration.ofMillis(props.getLong("medrelay.work-items.release-retry-max-delay-ms"))));
        WorkItemActions actions = new WorkItemActions(workItems, delivery, clock);
        WorkItemTaskMapper taskMapper = new WorkItemTaskMapper(props.get("medrelay.work-items.task-identifier-system"));
        TaskMirrorLedger ledger = new TaskMirrorLedger(store, payloadCipher);

        main.bind("workItemStore", workItems);
        main.bind("workItemActions", actions);
        WorkItemIntake intake = new WorkItemIntake(workItems, modes, delivery, clock);
        main.bind("workItemIntake", intake);
        main.bind("draftDelivery", delivery);
        main.bind("operatingModes", modes);
        main.bind("scorecardCalculator", scorecards);
        main.bind("modeSwitch", new ModeSwitch(modes, modeChanges, scorecards, workflows.liveGate(), clock));
        main.bind("overdueEscalator", new OverdueEscalator(workItems, new OverdueNotices(store), clock,
                props.getInt("medrelay.work-items.escalation-batch")));
        main.bind("fhirTaskMirror", new FhirTaskMirror(ehr, taskMapper, ledger,
                props.getInt("medrelay.work-items.task-sync-batch")));
        main.bind("fhirTaskStatusSync", new FhirTaskStatusSync(ehr, taskMapper, workItems, actions, ledger));
        return intake;
    }
}
