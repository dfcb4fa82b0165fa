package org.medrelay.processors.referral;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.hl7.MedRelayHeaders;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The referral step of {@code hl7-process}, on a REF^I12 once written to the EHR. Which way it goes is the referring
 * provider's (PRD-1 RP, the ServiceRequest's requester) NPI:
 * <ul>
 *   <li>one of the practice's ({@code medrelay.referrals.practice-npis}): the EHR sending our referral out, so an
 *       outbound loop is opened at stage {@code sent} and followed until the report comes back;</li>
 *   <li>anyone else's: an inbound referral, triaged against the intake rules into a scheduling work item or a letter
 *       to the referring provider.</li>
 * </ul>
 * An RRI^I12 (the referred-to provider's answer) marks the outbound loop its RF1-6 names {@code acknowledged}.
 */
public class ReferralTrigger {

    /** Exchange property holding the Bundle the message was mapped to (set by hl7-process before the write). */
    public static final String MAPPED_BUNDLE = "MedRelayMappedBundle";
    private static final Logger LOG = LoggerFactory.getLogger(ReferralTrigger.class);

    private final ReferralTriage triage;
    private final ReferralWorkItems workItems;
    private final WorkItemIntake intake;
    private final ReferralTracker tracker;
    private final Set<String> practiceNpis;
    private final String actor;

    public ReferralTrigger(ReferralTriage triage, ReferralWorkItems workItems, WorkItemIntake intake, ReferralTracker tracker,
                           Set<String> practiceNpis, String actor) {
        this.triage = triage;
        this.workItems = workItems;
        this.intake = intake;
        this.tracker = tracker;
        this.practiceNpis = Set.copyOf(practiceNpis);
        this.actor = actor;
    }

    public void record(@ExchangeProperty(MAPPED_BUNDLE) Bundle bundle, @Body List<String> written,
                       @ExchangeProperty(AuditSubject.EXCHANGE_PROPERTY) AuditSubject subject,
                       @Header(MedRelayHeaders.MESSAGE_TYPE) String messageType) throws SQLException {
        String source = subject == null ? null : subject.sourceMessage();
        if (messageType != null && messageType.startsWith("RRI^")) {
            // The answer is mapped to a Communication whose identifier is the referral's id (RF1-6).
            String answered = first(bundle, Communication.class).flatMap(c -> c.getIdentifier().stream()
                    .filter(Identifier::hasValue).map(Identifier::getValue).findFirst()).orElse(null);
            ReferralTracker.Move move = answered == null ? ReferralTracker.Move.UNKNOWN_REFERRAL
                    : tracker.mark(answered, ReferralStage.ACKNOWLEDGED, actor, source);
            LOG.info("Referral answer in message {}: loop {}", source, move);
            return;
        }
        Optional<ServiceRequest> referral = first(bundle, ServiceRequest.class);
        Optional<String> patientId = written.stream().filter(id -> id.startsWith("Patient/")).findFirst();
        if (referral.isEmpty() || subject == null || subject.patientKey() == null) {
            LOG.info("No referral step for message {}: no referral or patient", source);
            return;
        }
        String referralId = referralId(referral.get());
        if (patientId.isEmpty()) {
            LOG.info("No referral step for message {}: no patient written", source);
            return;
        }
        PatientRef patient = new PatientRef(patientId.get(), subject.patientKey());
        String referralReference = written.stream().filter(id -> id.startsWith("ServiceRequest/")).findFirst().orElse(null);
        if (fromPractice(referral.get())) {
            if (referralId == null) {
                LOG.warn("Outbound referral in message {} has no referral id (RF1-6): not tracked", source);
                return;
            }
            Optional<ReferralLoop> loop = tracker.open(referralId, patient, referralReference,
                    ReferralTriage.specialtiesAskedFor(referral.get()).stream().findFirst().orElse(null), actor, source);
            LOG.info("Outbound referral in message {}: {}", source,
                    loop.map(l -> "loop " + l.id() + " opened").orElse("already tracked"));
            return;
        }
        ReferralDecision decision = triage.triage(referral.get(), first(bundle, Coverage.class));
        WorkItem item = intake.accept(workItems.inbound(decision, patient, referralId, referralReference, source));
        LOG.info("Inbound referral in message {} triaged {}: work item {} in {}", source, decision.outcome().code(), item.id(),
                item.queue());
    }

    /** Whether the referring provider (the requester) is one of the practice's. */
    boolean fromPractice(ServiceRequest referral) {
        if (!referral.hasRequester()) {
            return false;
        }
        Identifier identifier = referral.getRequester().getIdentifier();
        return identifier != null && identifier.hasValue() && practiceNpis.contains(identifier.getValue().strip());
    }

    static String referralId(ServiceRequest referral) {
        return referral.getIdentifier().stream().filter(Identifier::hasValue).map(Identifier::getValue).findFirst().orElse(null);
    }

    private static <T extends Resource> Optional<T> first(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst();
    }
}
