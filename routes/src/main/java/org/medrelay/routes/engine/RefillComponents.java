package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.Main;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftingModels;
import org.medrelay.processors.refill.ChartReader;
import org.medrelay.processors.refill.ControlledSubstanceIntake;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.eligibility.FhirFeedWatermarks;
import org.medrelay.processors.refill.RefillFhirFeed;
import org.medrelay.processors.refill.RefillFaxTriage;
import org.medrelay.processors.refill.RefillProtocols;
import org.medrelay.processors.refill.RefillRequestMarker;
import org.medrelay.processors.refill.RefillSettings;
import org.medrelay.processors.refill.RefillTriage;
import org.medrelay.processors.refill.RefillTrigger;
import org.medrelay.processors.refill.RefillWorkItems;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemStore;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The refill triage beans, built from {@code medrelay.refill.*} and bound for {@code hl7-process} (the
 * {@code refillTrigger} step) and the {@code refill-fhir-feed} route (the {@code refillFhirFeed} poll); fax intake gets the same triage for refill-request faxes. The protocol table is read here, so a malformed row stops the engine at start, naming
 * its line.
 */
final class RefillComponents {

    private static final String COMPONENT = "refills";

    private RefillComponents() {
    }

    /** @return the refill step of fax intake, sharing the protocols, chart reader and work items with hl7-process */
    static RefillFaxTriage bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, FhirContext fhirContext,
                                IGenericClient ehr, WorkItemIntake intake, DraftingModels drafting, PatientKeys patientKeys, Clock clock) {
        RefillSettings settings = RefillSettings.from(props.asProperties()::getProperty);
        RefillProtocols protocols = RefillProtocols.load(settings.protocolsFile());
        String actor = AuditActors.system(COMPONENT);
        ChartReader charts = new ChartReader(ehr, auditTrail, actor, clock);
        RefillTriage triage = new RefillTriage(protocols, clock);
        RefillWorkItems workItems = new RefillWorkItems(fhirContext, settings, clock);
        PatientMessages messages = new PatientMessages(drafting.named(props.get("medrelay.refill.drafting-model")), clock);
        ControlledSubstanceIntake controlled = new ControlledSubstanceIntake(intake,
                main.lookup("workItemStore", WorkItemStore.class), main.lookup("operatingModes", OperatingModes.class), clock);
        RefillTrigger trigger = new RefillTrigger(charts, triage, workItems, messages, controlled);
        main.bind("refillTrigger", trigger);
        // built even when off, so a malformed marker or start instant stops the engine at start, not at the first poll
        String startFrom = props.get("medrelay.refill.fhir-feed.start-from");
        main.bind("refillFhirFeed", new RefillFhirFeed(ehr,
                new FhirFeedWatermarks(store, Duration.ofMillis(props.getLong("medrelay.refill.fhir-feed.overlap-ms")), clock),
                RefillRequestMarker.of(props.get("medrelay.refill.fhir-feed.intent"), props.get("medrelay.refill.fhir-feed.statuses"),
                        props.get("medrelay.refill.fhir-feed.category")),
                trigger, patientKeys, auditTrail, actor, clock,
                startFrom == null || startFrom.isBlank() ? clock.instant() : Instant.parse(startFrom.trim()),
                props.getInt("medrelay.refill.fhir-feed.page-size"), props.getInt("medrelay.refill.fhir-feed.max-pages")));
        return new RefillFaxTriage(charts, triage, workItems, messages, controlled);
    }
}
