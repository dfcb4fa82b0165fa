package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.Main;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.fax.FaxClassifier;
import org.medrelay.processors.fax.FaxReader;
import org.medrelay.processors.fax.FaxSettings;
import org.medrelay.processors.fax.intake.FaxDocumentWriter;
import org.medrelay.processors.fax.intake.FaxFiles;
import org.medrelay.processors.fax.intake.FaxInbox;
import org.medrelay.processors.fax.intake.FaxPatientMatcher;
import org.medrelay.processors.fax.intake.FaxSidecarAttacher;
import org.medrelay.processors.fax.intake.FaxWorkItems;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.medrelay.processors.fhir.FhirBundleWriter;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.refill.RefillFaxTriage;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.store.SealedRawCopies;
import org.medrelay.processors.review.WorkItemIntake;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The fax intake beans (faxes in from the fax server's SFTP drop and the local drop folder), built from
 * {@code medrelay.fax.*} and bound for the {@code fax-*} routes. The classifier's model is loaded here, so a broken
 * build stops the engine at start. {@code refillFaxes} is null when {@code medrelay.fax.refill-triage} is off.
 */
final class FaxComponents {

    private static final String COMPONENT = "fax";

    private FaxComponents() {
    }

    static void bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, FhirContext fhirContext,
                     IGenericClient ehr, WorkItemIntake intake, PatientKeys patientKeys, PayloadCipher payloadCipher,
                     RefillFaxTriage refillFaxes, Clock clock) {
        FaxSettings settings = FaxSettings.fromProperties(props.asProperties()::getProperty);
        String actor = AuditActors.system(COMPONENT);
        main.bind("faxSidecars", new FaxSidecarAttacher());
        main.bind("faxInbox", new FaxInbox(new FaxFiles(store, clock),
                new SealedRawCopies(Path.of(props.get("medrelay.fax.raw-copy-dir")), payloadCipher, SealedRawCopies.Kind.FAX),
                new FaxReader(settings), FaxClassifier.shipped(settings),
                new FaxPatientMatcher(ehr, patientKeys, auditTrail, actor,
                        Double.parseDouble(props.get("medrelay.fax.match.min-score")),
                        Double.parseDouble(props.get("medrelay.fax.match.margin")), clock),
                new FaxDocumentWriter(new AuditedFhirWriter(new FhirBundleWriter(fhirContext, ehr), auditTrail, actor, clock)),
                new FaxWorkItems(new PriorAuthCaseStore(store, auditTrail, DecisionDeadlines.CMS_0057_F),
                        Duration.ofHours(props.getLong("medrelay.fax.work-item-due-hours")), clock),
                intake, refillFaxes, patientKeys, auditTrail, actor, clock));
    }
}
