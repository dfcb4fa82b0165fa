package org.medrelay.processors.fax.intake;

import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.fax.FaxType;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The work item for a fax, workflow {@value #WORKFLOW} (so {@code medrelay.workflow.fax.mode} applies): to its type's
 * queue when it was read, classified above the triage threshold and filed on one clear match; otherwise a
 * {@code fax-triage} item for records with why, and the candidate patients to choose from. Its classification is the
 * fax type; its reasons: why it is where it is, the classifier's reasons, every field read off the fax, and the
 * sender. Links: the DocumentReference, the prior-auth case a response answers, the candidates, the stored fax.
 */
public class FaxWorkItems {

    public static final String WORKFLOW = "fax";
    private final PriorAuthCaseStore priorAuthCases;
    private final Duration due;
    private final Clock clock;

    /** @param due how long after intake the item is due; overdue items escalate to the supervisor */
    public FaxWorkItems(PriorAuthCaseStore priorAuthCases, Duration due, Clock clock) {
        this.priorAuthCases = priorAuthCases;
        this.due = due;
        this.clock = clock;
    }

    /** The item for a fax filed on one clear match and classified above the triage threshold. */
    public NewWorkItem routed(FaxRouting routing, long faxId, FaxClassification classification, FaxSidecar sidecar,
                              MatchCandidate patient, String documentReference) throws SQLException {
        List<String> reasons = new ArrayList<>();
        List<WorkItemLink> links = new ArrayList<>();
        links.add(WorkItemLink.document(documentReference, "the fax, filed on the chart"));
        reasons.add("fax " + classification.type().word() + ", filed on the matched chart (" + patient.describe() + ")");
        WorkItemPriority priority = WorkItemPriority.ROUTINE;
        if (classification.type() == FaxType.PRIOR_AUTH_RESPONSE) {
            Optional<PriorAuthCase> answered = caseFor(classification.fields().payerReference());
            if (answered.isPresent()) {
                PriorAuthCase c = answered.get();
                links.add(WorkItemLink.document("prior-auth-case/" + c.id(), "the prior-auth case this response answers"));
                reasons.add("prior-auth case " + c.id() + " (" + c.state().word() + ") has this payer reference");
            } else {
                reasons.add("no open prior-auth case has this payer reference: find or open the case");
            }
            if (!"approved".equals(classification.fields().decision())) {
                priority = WorkItemPriority.URGENT;
            }
        }
        if (classification.type() == FaxType.REFILL_REQUEST && (classification.fields().medication() == null
                || classification.fields().medication().isBlank())) {
            reasons.add("no medication could be read off the fax: not run through refill triage");
        }
        addContext(reasons, classification, sidecar);
        links.add(WorkItemLink.document("fax-file/" + faxId, "the fax as received"));
        return new NewWorkItem(routing.type(), WORKFLOW, patient.patient(), routing.queue(), null,
                clock.instant().plus(due), priority,
                SuiteResult.classification(classification.type().word(), classification.confidence(), reasons),
                "fax-file/" + faxId, links);
    }

    /**
     * The item for a fax a person must read, classify or match: to records, about the matched patient when there is
     * one clear match, else about nobody yet (named in the audit trail by the fax's own key).
     *
     * @param why the first reason: {@code unreadable: ...}, {@code below the triage threshold}, {@code ambiguous: ...}
     */
    public NewWorkItem triage(String why, long faxId, FaxClassification classification, FaxSidecar sidecar,
                              PatientMatch match, PatientRef fallback, Optional<String> documentReference) {
        List<String> reasons = new ArrayList<>();
        List<WorkItemLink> links = new ArrayList<>();
        reasons.add(why);
        documentReference.ifPresent(d -> links.add(WorkItemLink.document(d, "the fax, filed on the chart")));
        for (MatchCandidate candidate : match.candidates()) {
            reasons.add("candidate " + candidate.describe());
            links.add(WorkItemLink.fhir(candidate.patient().reference(), String.format(Locale.ROOT,
                    "candidate patient, score %.2f (%s)", candidate.score(), String.join(", ", candidate.agreed()))));
        }
        addContext(reasons, classification, sidecar);
        links.add(WorkItemLink.document("fax-file/" + faxId, "the fax as received"));
        PatientRef patient = match.clear().map(MatchCandidate::patient).orElse(fallback);
        return new NewWorkItem(FaxRouting.TRIAGE.type(), WORKFLOW, patient, FaxRouting.TRIAGE.queue(), null,
                clock.instant().plus(due), WorkItemPriority.ROUTINE,
                SuiteResult.classification(classification.type().word(), classification.confidence(), reasons),
                "fax-file/" + faxId, links);
    }

    private static void addContext(List<String> reasons, FaxClassification classification, FaxSidecar sidecar) {
        reasons.add(String.format(Locale.ROOT, "classified %s, confidence %.3f", classification.type().word(),
                classification.confidence()));
        classification.reasons().forEach(r -> reasons.add("reason: " + r));
        for (Map.Entry<String, Object> field : classification.fields().asMap().entrySet()) {
            reasons.add(field.getKey() + ": " + field.getValue());
        }
        sidecar.senderFax().ifPresent(n -> reasons.add("sender fax: " + n));
        sidecar.received().ifPresent(t -> reasons.add("received by the fax server: " + t));
    }

    private Optional<PriorAuthCase> caseFor(String payerReference) throws SQLException {
        if (payerReference == null || priorAuthCases == null) {
            return Optional.empty();
        }
        return priorAuthCases.openCases().stream().filter(c -> payerReference.equalsIgnoreCase(c.payerReference())
                || c.authorization() != null && payerReference.equalsIgnoreCase(c.authorization().number())).findFirst();
    }
}
