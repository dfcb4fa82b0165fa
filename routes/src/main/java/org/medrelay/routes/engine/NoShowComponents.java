package org.medrelay.routes.engine;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.Main;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftingModels;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.noshow.AppointmentEvents;
import org.medrelay.processors.noshow.NoShowRecovery;
import org.medrelay.processors.noshow.NoShowWorkItems;
import org.medrelay.processors.noshow.Waitlist;
import org.medrelay.processors.review.WorkItemIntake;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/** The no-show recovery beans, built from {@code medrelay.no-show.*} and bound for {@code hl7-process} ({@code noShowRecovery}). */
final class NoShowComponents {

    private static final String COMPONENT = "no-show";

    private NoShowComponents() {
    }

    static void bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, IGenericClient ehr,
                     WorkItemIntake intake, DraftingModels drafting, PatientKeys patientKeys, Clock clock) {
        main.bind("noShowRecovery", new NoShowRecovery(new Waitlist(store), new AppointmentEvents(store),
                new PatientMessages(drafting.named(props.get("medrelay.no-show.drafting-model")), clock),
                new NoShowWorkItems(Duration.parse(props.get("medrelay.no-show.rebook-within")),
                        Duration.parse(props.get("medrelay.no-show.offer-within")), clock),
                intake, ehr, patientKeys, auditTrail, AuditActors.system(COMPONENT), clock));
    }
}
