package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.Main;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftingModels;
import org.medrelay.processors.refill.ChartReader;
import org.medrelay.processors.refill.ControlledSubstanceIntake;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.refill.RefillProtocols;
import org.medrelay.processors.refill.RefillSettings;
import org.medrelay.processors.refill.RefillTriage;
import org.medrelay.processors.refill.RefillTrigger;
import org.medrelay.processors.refill.RefillWorkItems;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemStore;

import java.time.Clock;

/**
 * The refill triage beans, built from {@code medrelay.refill.*} and bound for {@code hl7-process} (the
 * {@code refillTrigger} step). The protocol table is read here, so a malformed row stops the engine at start, naming
 * its line.
 */
final class RefillComponents {

    private static final String COMPONENT = "refills";

    private RefillComponents() {
    }

    static void bind(Main main, EngineProperties props, AuditTrail auditTrail, FhirContext fhirContext, IGenericClient ehr,
                     WorkItemIntake intake, DraftingModels drafting, Clock clock) {
        RefillSettings settings = RefillSettings.from(props.asProperties()::getProperty);
        RefillProtocols protocols = RefillProtocols.load(settings.protocolsFile());
        String actor = AuditActors.system(COMPONENT);
        main.bind("refillTrigger", new RefillTrigger(
                new ChartReader(ehr, auditTrail, actor, clock),
                new RefillTriage(protocols, clock),
                new RefillWorkItems(fhirContext, settings, clock),
                new PatientMessages(drafting.named(props.get("medrelay.refill.drafting-model")), clock),
                new ControlledSubstanceIntake(intake, main.lookup("workItemStore", WorkItemStore.class),
                        main.lookup("operatingModes", OperatingModes.class), clock)));
    }
}
