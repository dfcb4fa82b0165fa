package org.medrelay.processors.eligibility;

import org.apache.camel.Exchange;
import org.medrelay.mappings.x12.FunctionalAcknowledgment;
import org.medrelay.mappings.x12.FunctionalAcknowledgmentHandler;
import org.medrelay.mappings.x12.Interchange;
import org.medrelay.mappings.x12.InterchangeAcknowledgment;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;
import org.medrelay.mappings.x12.eligibility.Eligibility271Handler;
import org.medrelay.mappings.x12.eligibility.EligibilityResponse;
import org.medrelay.mappings.x12.priorauth.PriorAuth278Handler;
import org.medrelay.mappings.x12.priorauth.PriorAuthResponse;
import org.medrelay.mappings.x12.FunctionalGroupHeader;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.clearinghouse.PriorAuth278Receiver;
import org.medrelay.processors.clearinghouse.Quarantine;
import org.medrelay.processors.clearinghouse.ReceivedFileAcknowledgments;
import org.medrelay.processors.review.WorkItemIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes in one file from the clearinghouse's inbox. It is validated whole first: a file with any error is quarantined
 * with its report and never half-processed (the requests its TRNs name go to the clearinghouse-setup queue). A valid
 * file's 278 responses go to the prior-auth workflow ({@link PriorAuth278Receiver}); its 271 responses are matched to their requests by TRN, written to the EHR and assessed for coverage gaps
 * (front-desk work items); a 999 or TA1 rejecting our 270 sends its requests to the clearinghouse-setup queue. The
 * TA1/999 for the file is returned for the outbox when configured (an acknowledgment is not itself acknowledged).
 */
public class EligibilityInbox {

    public static final String ACKNOWLEDGMENT_FILE = "MedRelayAcknowledgmentFile";
    private static final Logger LOG = LoggerFactory.getLogger(EligibilityInbox.class);
    private static final String INTERFACE = "eligibility-response-in";

    private final EligibilityRequests requests;
    private final EligibilityResponseWriter responses;
    private final CoverageGapRules rules;
    private final EligibilityWorkItems workItems;
    private final WorkItemIntake intake;
    private final Quarantine quarantine;
    private final ReceivedFileAcknowledgments acknowledgments;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;
    private PriorAuth278Receiver priorAuth = PriorAuth278Receiver.NONE;
    private PriorAuthCasesOfPatient priorAuthCases = PriorAuthCasesOfPatient.NONE;

    public EligibilityInbox(EligibilityRequests requests, EligibilityResponseWriter responses, CoverageGapRules rules,
                            EligibilityWorkItems workItems, WorkItemIntake intake, Quarantine quarantine,
                            ReceivedFileAcknowledgments acknowledgments, AuditTrail trail, String actor, Clock clock) {
        this.requests = requests;
        this.responses = responses;
        this.rules = rules;
        this.workItems = workItems;
        this.intake = intake;
        this.quarantine = quarantine;
        this.acknowledgments = acknowledgments;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * The prior-auth workflow's receiver of 278 responses arriving through the same clearinghouse inbox; without one
     * they are logged as unmatched.
     */
    public EligibilityInbox withPriorAuth(PriorAuth278Receiver receiver) {
        this.priorAuth = receiver;
        return this;
    }

    /** The patient's open prior-auth cases, named on a front-desk item whose 271 says authorization is required. */
    public EligibilityInbox withPriorAuthCases(PriorAuthCasesOfPatient cases) {
        this.priorAuthCases = cases;
        return this;
    }

    /** The route's step: body = the file's bytes; sets the body to the acknowledgment (or null) and its file name. */
    public void take(Exchange exchange) throws Exception {
        byte[] content = exchange.getMessage().getMandatoryBody(byte[].class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, "x12", String.class);
        InboxResult result = receive(content, fileName);
        exchange.getMessage().setBody(result.acknowledgment().orElse(null));
        exchange.getMessage().setHeader(ACKNOWLEDGMENT_FILE, "ack-" + fileName);
    }

    public InboxResult receive(byte[] content, String fileName) throws IOException, SQLException {
        X12ValidationReport report = new X12Validator().validate(new ByteArrayInputStream(content));
        Optional<byte[]> ack = acknowledgments.of(report);
        if (!report.valid()) {
            return quarantine(content, fileName, report, ack);
        }
        Received received = read(content);
        int matched = 0;
        int gapItems = 0;
        for (EligibilityResponse response : received.responses) {
            Optional<StoredRequest> request = response.requestTrace().isEmpty() ? Optional.empty()
                    : requests.byTrace(response.requestTrace().get());
            gapItems += answer(response, request, fileName);
            matched += request.isPresent() ? 1 : 0;
        }
        int rejected = rejections(received, fileName);
        int unmatched = received.responses.size() - matched;
        if (!received.priorAuthResponses.isEmpty()) {
            int cases = priorAuth.receive(received.priorAuthResponses, fileName);
            LOG.info("Clearinghouse file {}: {} 278 response(s), {} matched a prior-auth case", fileName,
                    received.priorAuthResponses.size(), cases);
        }
        LOG.info("Clearinghouse file {}: {} response(s) matched, {} unmatched, {} gap work item(s), {} request(s) rejected by 999/TA1",
                fileName, matched, unmatched, gapItems, rejected);
        return new InboxResult(false, matched, unmatched, gapItems, rejected, ack);
    }

    private int answer(EligibilityResponse response, Optional<StoredRequest> request, String fileName) throws SQLException {
        AuditSubject subject = request.map(r -> new AuditSubject(r.check().patientKey(), r.check().sourceMessageKey(), INTERFACE))
                .orElse(new AuditSubject(null, null, INTERFACE));
        String written = responses.write(response, request, subject);
        if (request.isEmpty()) {
            LOG.warn("271 transaction set {} in {} matched no eligibility request by TRN; written as {} tagged unmatched",
                    response.transactionControlNumber(), fileName, written);
            return 0;
        }
        StoredRequest matched = request.get();
        boolean firstAnswer = matched.status() != RequestStatus.ANSWERED;
        trail.append(AuditEvent.of(actor, AuditAction.RECEIVE, clock.instant(), subject, "eligibility-request/" + matched.id(),
                AuditOutcome.SUCCESS, "271 in " + fileName));
        EligibilityAssessment assessment = rules.assess(response, matched.check().visit());
        String outcome = assessment.clean() ? "clean" : "gaps: " + assessment.gaps().stream()
                .map(g -> g.kind().code()).distinct().reduce((a, b) -> a + "," + b).orElse("");
        requests.answered(matched.id(), written, matched.forCancelledVisit() ? "visit cancelled; " + outcome : outcome);
        if (assessment.clean() || !firstAnswer) {
            return 0;
        }
        if (matched.forCancelledVisit()) {
            LOG.info("271 for {} written as {}; its visit was cancelled, so no front-desk gap item", matched, written);
            return 0;
        }
        intake.accept(workItems.gaps(matched, assessment, written, priorAuthLink(matched, assessment)));
        return 1;
    }

    /**
     * EB11 Y for the visit's service type: the front desk is told which prior-auth cases the patient has open with the
     * payer, or that none is, so one is started before the visit (README "Prior authorization").
     */
    private List<String> priorAuthLink(StoredRequest request, EligibilityAssessment assessment) throws SQLException {
        if (assessment.gaps().stream().noneMatch(g -> g.kind() == GapKind.PRIOR_AUTHORIZATION_REQUIRED)) {
            return List.of();
        }
        String payer = request.check().payer().id();
        List<String> open = priorAuthCases.openCases(request.check().patientKey(), payer);
        return open.isEmpty() ? List.of("prior-auth: no case open for this patient with payer " + payer
                + "; start one for the visit's orders") : open;
    }

    /** 999 IK5/AK9 R and TA1 TA104 R answering our 270s: their requests are REJECTED and go to the setup queue. */
    private int rejections(Received received, String fileName) throws SQLException {
        int rejected = 0;
        for (FunctionalAcknowledgment ack : received.functionalAcknowledgments) {
            for (StoredRequest request : requests.byGroup(ack.groupControlNumber())) {
                Optional<FunctionalAcknowledgment.TransactionSetResponse> own = ack.responses().stream()
                        .filter(r -> r.controlNumber().equals(envelopeSet(request))).findFirst();
                boolean refused = own.map(FunctionalAcknowledgment.TransactionSetResponse::rejected).orElse(ack.groupRejected());
                if (refused) {
                    List<String> reasons = new ArrayList<>(own.map(FunctionalAcknowledgment.TransactionSetResponse::errors).orElse(List.of()));
                    reasons.add(0, "999 AK9 " + ack.groupCode() + own.map(r -> ", IK5 " + r.code()).orElse(""));
                    rejected += reject(request, "270-rejected", reasons, fileName);
                }
            }
        }
        for (InterchangeAcknowledgment ta1 : received.interchangeAcknowledgments) {
            if ("R".equals(ta1.code())) {
                for (StoredRequest request : requests.byInterchange(ta1.controlNumber())) {
                    rejected += reject(request, "270-rejected", List.of("TA1 TA104 R, TA105 " + ta1.note()), fileName);
                }
            }
        }
        return rejected;
    }

    private String envelopeSet(StoredRequest request) {
        return request.transactionControlNumber() == null ? "" : request.transactionControlNumber();
    }

    private int reject(StoredRequest request, String what, List<String> reasons, String fileName) throws SQLException {
        requests.failed(request.id(), what.startsWith("270") ? RequestStatus.REJECTED : RequestStatus.QUARANTINED,
                String.join("; ", reasons));
        intake.accept(workItems.clearinghouseProblem(request, what, reasons, fileName));
        return 1;
    }

    private InboxResult quarantine(byte[] content, String fileName, X12ValidationReport report, Optional<byte[]> ack)
            throws IOException, SQLException {
        quarantine.keep(fileName, content, report);
        List<String> reasons = report.describe().stream().filter(l -> l.contains("IK") || l.contains("TA1") || l.contains("AK9")
                || l.contains("refused")).toList();
        int affected = 0;
        for (String trace : tracesIn(content)) {
            Optional<StoredRequest> request = requests.byTrace(trace);
            if (request.isPresent() && request.get().status() == RequestStatus.SENT) {
                affected += reject(request.get(), "271-quarantined", reasons, fileName);
            }
        }
        LOG.warn("Clearinghouse file {} failed validation ({} line(s) of findings): quarantined with its report, nothing processed;"
                + " {} request(s) sent to the clearinghouse-setup queue", fileName, reasons.size(), affected);
        return new InboxResult(true, 0, 0, 0, affected, ack);
    }

    /** The TRN*2 trace numbers of a file that may be invalid: as far as it can be read. */
    private static Set<String> tracesIn(byte[] content) throws IOException {
        Set<String> traces = new LinkedHashSet<>();
        try {
            new X12Reader().read(new ByteArrayInputStream(content), new X12Handler() {
                @Override
                public void segment(X12Segment segment) {
                    if ("TRN".equals(segment.id()) && "2".equals(segment.element(1))) {
                        traces.add(segment.element(2));
                    }
                }
            });
        } catch (X12InputException e) {
            // cut off or unreadable: the traces read before the break are all there is
        }
        return traces;
    }

    private static Received read(byte[] content) throws IOException {
        Received received = new Received();
        Eligibility271Handler eligibility = new Eligibility271Handler(received.responses::add);
        FunctionalAcknowledgmentHandler functional = new FunctionalAcknowledgmentHandler(received.functionalAcknowledgments::add);
        PriorAuth278Handler priorAuth = new PriorAuth278Handler(received.priorAuthResponses::add);
        try {
            new X12Reader().read(new ByteArrayInputStream(content), new X12Handler() {
                @Override
                public void segment(X12Segment segment) {
                    eligibility.segment(segment);
                    functional.segment(segment);
                    priorAuth.segment(segment);
                }

                @Override
                public void transactionSetEnded(FunctionalGroupHeader group, TransactionSet transactionSet) {
                    priorAuth.transactionSetEnded(group, transactionSet);
                }

                @Override
                public void interchangeEnded(Interchange interchange) {
                    received.interchangeAcknowledgments.addAll(interchange.acknowledgments());
                }
            });
        } catch (X12InputException e) {
            throw new IOException("a file that validated could not be read again: " + e.getMessage(), e);
        }
        return received;
    }

    /** What a valid file held. */
    private static final class Received {
        private final List<EligibilityResponse> responses = new ArrayList<>();
        private final List<FunctionalAcknowledgment> functionalAcknowledgments = new ArrayList<>();
        private final List<InterchangeAcknowledgment> interchangeAcknowledgments = new ArrayList<>();
        private final List<PriorAuthResponse> priorAuthResponses = new ArrayList<>();
    }
}
