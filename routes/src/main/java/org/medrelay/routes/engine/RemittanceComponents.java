package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.Main;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.mappings.x12.AcknowledgmentWriter;
import org.medrelay.mappings.x12.remittance.AdjustmentCodeList;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.RemittanceToFhirMapper;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.clearinghouse.Quarantine;
import org.medrelay.processors.clearinghouse.ReceivedFileAcknowledgments;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.clearinghouse.StoredControlNumbers;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.medrelay.processors.fhir.FhirBundleWriter;
import org.medrelay.processors.remittance.AppealLetters;
import org.medrelay.processors.remittance.AppealWindows;
import org.medrelay.processors.remittance.BillingWorkItems;
import org.medrelay.processors.remittance.CorrectedClaimDrafts;
import org.medrelay.processors.remittance.ClaimPriority;
import org.medrelay.processors.remittance.ExplanationOfBenefitWriter;
import org.medrelay.processors.remittance.RemittanceFiles;
import org.medrelay.processors.remittance.RemittanceInbox;
import org.medrelay.processors.remittance.RemittancePatients;
import org.medrelay.processors.remittance.RemittanceSettings;
import org.medrelay.processors.store.SealedRawCopies;
import org.medrelay.processors.review.WorkItemIntake;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The remittance beans (835 in from the clearinghouse's SFTP inbox and the drop folder), built from
 * {@code medrelay.remittance.*} and bound for the {@code remittance-*} routes. The settings, the appeal window table
 * and the letter template are read here, so a missing or malformed one stops the engine at start, naming it.
 */
final class RemittanceComponents {

    private static final String COMPONENT = "remittance";

    private RemittanceComponents() {
    }

    static void bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, FhirContext fhirContext,
                     IGenericClient ehr, WorkItemIntake intake, PatientKeys patientKeys, PayloadCipher payloadCipher,
                     CorrectedClaimDrafts correctedClaims, Clock clock) {
        RemittanceSettings settings = new RemittanceSettings(props.asProperties()::getProperty);
        String actor = AuditActors.system(COMPONENT);
        AdjustmentCodeList carcs = AdjustmentCodeList.shippedCarcs();
        AdjustmentCodeList rarcs = AdjustmentCodeList.shippedRarcs();
        RemittanceFiles files = new RemittanceFiles(store, clock);
        main.bind("remittanceFiles", files);
        try {
            BillingWorkItems workItems = new BillingWorkItems(new AppealLetters(settings.templatesDir(), carcs, rarcs),
                    correctedClaims,
                    new ClaimPriority(settings.highDollarAmount(), settings.deadlineSoonDays(), settings.dueBeforeDeadlineDays()),
                    settings.patientResponsibilityItems(), carcs, rarcs, clock);
            main.bind("remittanceInbox", new RemittanceInbox(files,
                    new SealedRawCopies(settings.rawCopyDir(), payloadCipher, SealedRawCopies.Kind.REMITTANCE),
                    new Quarantine(settings.quarantineDir(), clock),
                    new ReceivedFileAcknowledgments(new AcknowledgmentWriter(new StoredControlNumbers(store), clock),
                            settings.acknowledgeReceived()),
                    DenialCategorizer.shipped(), new RemittanceToFhirMapper(carcs, rarcs),
                    new RemittancePatients(ehr, patientKeys, auditTrail, actor, "remittance-in", clock),
                    new ExplanationOfBenefitWriter(new AuditedFhirWriter(new FhirBundleWriter(fhirContext, ehr), auditTrail, actor, clock)),
                    workItems, intake, AppealWindows.load(settings.appealWindowsFile(), settings.appealWindowDefaultDays()),
                    auditTrail, actor, clock));
        } catch (IOException e) {
            throw new UncheckedIOException("medrelay.remittance: " + e.getMessage(), e);
        }
    }
}
