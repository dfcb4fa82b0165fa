package org.medrelay.processors.remittance;

import org.apache.camel.Exchange;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.DenialDecision;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.RemittanceHandler;
import org.medrelay.mappings.x12.remittance.RemittanceReader;
import org.medrelay.mappings.x12.remittance.RemittanceToFhirMapper;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.clearinghouse.Quarantine;
import org.medrelay.processors.clearinghouse.ReceivedFileAcknowledgments;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.store.SealedRawCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Takes in one 835 file from the clearinghouse's inbox or the drop folder, read from a local file twice and never held
 * in memory: admitted once (by content hash and by sender + ISA13; its sealed raw copy kept before the route lets the
 * inbox go), validated whole, then, only when valid, streamed claim by claim: each claim categorised, its
 * ExplanationOfBenefit written to the EHR (audited, conditional on the claim payment), a billing work item made where
 * a person must act, and the remittance report of each transaction set kept. An invalid file is quarantined with its
 * 999-style report and nothing of it is processed. The TA1/999 for the file is returned for the outbox when configured.
 */
public class RemittanceInbox {

    public static final String ACKNOWLEDGMENT_FILE = "MedRelayAcknowledgmentFile";
    /** The route sets where the file came from: {@code sftp} or {@code drop-folder}. */
    public static final String SOURCE = "MedRelayRemittanceSource";
    static final String INTERFACE = "remittance-in";
    private static final Logger LOG = LoggerFactory.getLogger(RemittanceInbox.class);

    private final RemittanceFiles files;
    private final SealedRawCopies rawCopies;
    private final Quarantine quarantine;
    private final ReceivedFileAcknowledgments acknowledgments;
    private final DenialCategorizer categorizer;
    private final RemittanceToFhirMapper mapper;
    private final RemittancePatients patients;
    private final ExplanationOfBenefitWriter eobs;
    private final BillingWorkItems workItems;
    private final WorkItemIntake intake;
    private final AppealWindows appealWindows;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public RemittanceInbox(RemittanceFiles files, SealedRawCopies rawCopies, Quarantine quarantine,
                           ReceivedFileAcknowledgments acknowledgments, DenialCategorizer categorizer, RemittanceToFhirMapper mapper,
                           RemittancePatients patients, ExplanationOfBenefitWriter eobs, BillingWorkItems workItems,
                           WorkItemIntake intake, AppealWindows appealWindows, AuditTrail trail, String actor, Clock clock) {
        this.files = files;
        this.rawCopies = rawCopies;
        this.quarantine = quarantine;
        this.acknowledgments = acknowledgments;
        this.categorizer = categorizer;
        this.mapper = mapper;
        this.patients = patients;
        this.eobs = eobs;
        this.workItems = workItems;
        this.intake = intake;
        this.appealWindows = appealWindows;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * The route's step: the file is on local disk (camel-ftp's local work directory, or the drop folder itself);
     * sets the body to the acknowledgment and the header {@value #ACKNOWLEDGMENT_FILE} to its file name, when there is one.
     */
    public void take(Exchange exchange) throws Exception {
        String local = exchange.getMessage().getHeader("CamelFileLocalWorkPath", String.class);
        if (local == null) {
            local = exchange.getMessage().getHeader("CamelFileAbsolutePath", String.class);
        }
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, "835", String.class);
        InboxOutcome outcome = receive(Path.of(local), fileName, exchange.getMessage().getHeader(SOURCE, "sftp", String.class));
        // a file message turns a null body back into the file's content: the header alone says there is an acknowledgment
        exchange.getMessage().setBody(outcome.acknowledgment().orElse(new byte[0]));
        outcome.acknowledgment().ifPresent(ack -> exchange.getMessage().setHeader(ACKNOWLEDGMENT_FILE, "ack-" + fileName));
    }

    public InboxOutcome receive(Path file, String fileName, String source) throws IOException, SQLException {
        ReceivedFile received = ReceivedFile.of(file, fileName, source);
        Optional<Admission> earlier = files.earlier(received);
        Admission admission = earlier.isPresent() ? earlier.get()
                : files.admit(received, rawCopies.keep(file, received.sha256()).toString());
        if (admission.duplicate()) {
            LOG.warn("Remittance file {} not processed again: {}", fileName, admission.reason());
            return new InboxOutcome(admission.kind(), false, admission.fileId(), 0, 0, Optional.empty());
        }
        long fileId = admission.fileId();
        trail.append(AuditEvent.of(actor, AuditAction.RECEIVE, clock.instant(), new AuditSubject(null, null, INTERFACE),
                "remittance-file/" + fileId, AuditOutcome.SUCCESS, admission.kind() == Admission.Kind.RESUME ? "taken up again" : null));
        X12ValidationReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new X12Validator().validate(in);
        }
        Optional<byte[]> ack = acknowledgments.of(report);
        if (!report.valid()) {
            Path kept = quarantine.keep(fileName, file, report);
            files.quarantined(fileId, "failed validation; quarantined as " + kept.getFileName());
            LOG.warn("Remittance file {} (remittance-file/{}) failed validation: quarantined with its report, nothing processed",
                    fileName, fileId);
            return new InboxOutcome(admission.kind(), true, fileId, 0, 0, ack);
        }
        Pass pass = new Pass(fileId, fileName);
        try (InputStream in = Files.newInputStream(file)) {
            new RemittanceReader().read(in, pass);
        } catch (X12InputException e) {
            throw new IOException("remittance file " + fileId + " validated but could not be read again: " + e.getMessage(), e);
        } catch (UncheckedFailure e) {
            throw e.cause;
        }
        files.processed(fileId, pass.claims, pass.items, pass.claims + " claim(s), " + pass.items + " work item(s), "
                + pass.withoutPatient + " claim(s) whose patient the EHR does not know");
        LOG.info("Remittance file {} (remittance-file/{}): {} claim(s), {} billing work item(s), {} claim(s) without a patient in the EHR",
                fileName, fileId, pass.claims, pass.items, pass.withoutPatient);
        return new InboxOutcome(admission.kind(), false, fileId, pass.claims, pass.items, ack);
    }

    /** The second reading: each claim as it is read, each transaction set's report at its SE. */
    private final class Pass implements RemittanceHandler {
        private final long fileId;
        private final String fileName;
        private RemittanceReport report;
        private int claims;
        private int items;
        private int withoutPatient;

        Pass(long fileId, String fileName) {
            this.fileId = fileId;
            this.fileName = fileName;
        }

        @Override
        public void remittanceStarted(RemittanceAdvice advice) {
            report = new RemittanceReport(fileId, fileName, advice, payerId(advice));
        }

        @Override
        public void claim(RemittanceAdvice advice, ClaimPayment claim) {
            claims++;
            try {
                handle(advice, claim, claims);
            } catch (SQLException e) {
                throw new UncheckedFailure(e);
            }
        }

        private void handle(RemittanceAdvice advice, ClaimPayment claim, int index) throws SQLException {
            DenialDecision decision = categorizer.categorize(claim);
            String sourceKey = "remittance-file/" + fileId + "#" + index;
            Optional<PatientRef> patient = patients.resolve(claim, sourceKey);
            ExplanationOfBenefit eob = mapper.map(advice, claim, decision);
            AuditSubject subject = new AuditSubject(patient.map(PatientRef::pseudonymKey).orElse(null), sourceKey, INTERFACE);
            String written = eobs.write(eob, advice, claim, patient, subject);
            report.add(claim, decision.category());
            if (patient.isEmpty()) {
                withoutPatient++;
                report.patientNotFound();
                return;
            }
            if (!workItems.needsItem(decision.category()) || files.itemFor(fileId, index).isPresent()) {
                return;
            }
            String payerId = payerId(advice);
            LocalDate decided = advice.paymentDate().orElseGet(() -> LocalDate.now(clock));
            ClaimFollowUp followUp = new ClaimFollowUp(fileId, fileName, index, advice, payerId, claim, decision, decided,
                    appealWindows.deadline(payerId, decided), DollarsAtStake.of(claim, decision.category()), written, patient.get());
            WorkItem item = intake.accept(workItems.itemFor(followUp));
            files.recordItem(fileId, index, item.id());
            report.workItemMade();
            items++;
        }

        @Override
        public void remittanceEnded(RemittanceAdvice advice, TransactionSet validated) {
            try {
                files.saveReport(fileId, report);
            } catch (SQLException e) {
                throw new UncheckedFailure(e);
            }
        }
    }

    /** The payer id the appeal window table is keyed by: N1*PR N104, else TRN03. */
    static String payerId(RemittanceAdvice advice) {
        return advice.payer().id().isEmpty() ? advice.originatorId() : advice.payer().id();
    }

    /** A store failure inside the reader's callbacks, rethrown as it was once the reading stops. */
    private static final class UncheckedFailure extends RuntimeException {
        private final SQLException cause;

        UncheckedFailure(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
