package org.medrelay.processors.eligibility;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Records the eligibility check a new or changed appointment (SIU S12/S14) or a registration (ADT A04/A08) calls for,
 * due {@code medrelay.eligibility.lead-time} before the visit (at once when that has passed). Works on the message as
 * mapped to FHIR and written to the EHR: the Patient, the Appointment or Encounter, and the Coverage (from IN1, or,
 * for an appointment, the patient's active Coverage read from the EHR, audited). A visit moved or a coverage changed
 * supersedes the earlier check (see {@link EligibilityRequests}); a cancelled or missed visit cancels it
 * ({@link #cancel}). A patient without a usable coverage is skipped and
 * logged by message id.
 */
public class EligibilityTrigger {

    /** Exchange property holding the Bundle the message was mapped to, set before it is written. */
    public static final String MAPPED_BUNDLE = "MedRelayMappedBundle";
    private static final Logger LOG = LoggerFactory.getLogger(EligibilityTrigger.class);

    private final EligibilityRequests requests;
    private final EligibilitySettings settings;
    private final PatientKeys keys;
    private final IGenericClient ehr;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public EligibilityTrigger(EligibilityRequests requests, EligibilitySettings settings, PatientKeys keys, IGenericClient ehr,
                              AuditTrail trail, String actor, Clock clock) {
        this.requests = requests;
        this.settings = settings;
        this.keys = keys;
        this.ehr = ehr;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /** @param written the server ids the message's resources were written as ({@link AuditedFhirWriter#write}) */
    public void record(@ExchangeProperty(MAPPED_BUNDLE) Bundle bundle, @Body List<String> written,
                       @ExchangeProperty(AuditSubject.EXCHANGE_PROPERTY) AuditSubject subject) throws SQLException {
        Optional<String> patientId = written.stream().filter(id -> id.startsWith("Patient/")).findFirst();
        Optional<Patient> patient = VisitCoverage.first(bundle, Patient.class);
        if (patientId.isEmpty() || patient.isEmpty() || subject == null || subject.patientKey() == null) {
            return;
        }
        Optional<String> appointmentId = VisitCoverage.appointmentId(bundle);
        if (appointmentId.isPresent() && VisitCoverage.visitCancelled(bundle)) {
            cancel(appointmentId.get(), subject);
            return;
        }
        Optional<Coverage> coverage = VisitCoverage.first(bundle, Coverage.class);
        boolean inMessage = coverage.isPresent();
        if (!inMessage) {
            coverage = activeCoverageInEhr(patientId.get(), subject);
        }
        Optional<EligibilityInquiry.InformationSource> payer = coverage.flatMap(VisitCoverage::payer);
        Optional<VisitCoverage.Parties> parties = Optional.empty();
        if (coverage.isPresent()) {
            parties = VisitCoverage.parties(patient.get(), coverage.get(), subscriberOf(coverage.get(), inMessage, bundle, subject));
        }
        if (payer.isEmpty() || parties.isEmpty()) {
            LOG.info("No eligibility check for message {}: no coverage with a payer, member id and subscriber",
                    subject.sourceMessage());
            return;
        }
        EligibilityInquiry.Subscriber subscriber = parties.get().subscriber();
        ZoneId zone = clock.getZone();
        Instant visitStart = VisitCoverage.visitStart(bundle).orElse(clock.instant());
        Instant due = visitStart.minus(settings.leadTime());
        Visit visit = new Visit(VisitCoverage.date(visitStart, zone), settings.visitServiceType(), settings.defaultExpectedCharge());
        String appointmentKey = appointmentId.map(id -> keys.keyOf("appointment|" + id)).orElse(null);
        EligibilityCheck check = new EligibilityCheck(subject.patientKey(), patientId.get(), appointmentKey, subject.sourceMessage(),
                payer.get(), subscriber, visit, due.isBefore(clock.instant()) ? clock.instant() : due, false,
                parties.get().dependent().orElse(null));
        String coverageKey = keys.keyOf("coverage|" + payer.get().id() + "|" + subscriber.memberId());
        schedule(check, coverageKey);
        if (appointmentKey == null) {
            recheckUpcomingVisits(check, coverageKey);
        }
    }

    /**
     * The visit was cancelled or the patient did not come (SIU S15/S16/S17/S26, an Appointment cancelled): its check is
     * not sent, or, already sent, its 271 raises no gap item. Each request touched is audited.
     *
     * @param appointmentId the appointment's key identifier as "system|value"
     */
    public void cancel(String appointmentId, AuditSubject subject) throws SQLException {
        List<StoredRequest> cancelled = requests.cancelVisit(keys.keyOf("appointment|" + appointmentId));
        trail.append(cancelled.stream().map(r -> AuditEvent.of(actor, AuditAction.UPDATE, clock.instant(),
                new AuditSubject(r.check().patientKey(), subject.sourceMessage(), subject.interfaceName()), r.toString(),
                AuditOutcome.SUCCESS, r.status() == RequestStatus.DUE ? "visit cancelled: not sent"
                        : "visit cancelled after the 270 was sent: no gap item")).toList());
        LOG.info("Visit cancelled by message {}: {} eligibility check(s) cancelled or marked", subject.sourceMessage(), cancelled.size());
    }

    private void schedule(EligibilityCheck check, String coverageKey) throws SQLException {
        requests.schedule(check, coverageKey).ifPresentOrElse(
                r -> LOG.info("Eligibility check {} recorded for message {}, due {}", r, check.sourceMessageKey(), r.check().dueAt()),
                () -> LOG.info("Eligibility check for message {} already recorded for this patient, payer and date", check.sourceMessageKey()));
    }

    /**
     * A registration with another coverage than the patient's upcoming visits were checked with: each is checked again
     * with the new coverage, due as before (or at once), and the old check is superseded.
     */
    private void recheckUpcomingVisits(EligibilityCheck registration, String coverageKey) throws SQLException {
        for (StoredRequest upcoming : requests.upcoming(registration.patientKey(), LocalDate.now(clock))) {
            EligibilityCheck old = upcoming.check();
            if (upcoming.coverageKey().equals(coverageKey) || old.appointmentKey() == null) {
                continue;
            }
            Instant due = old.dueAt().isBefore(clock.instant()) ? clock.instant() : old.dueAt();
            schedule(new EligibilityCheck(old.patientKey(), registration.patientReference(), old.appointmentKey(),
                    registration.sourceMessageKey(), registration.payer(), registration.subscriber(), old.visit(), due, false,
                    registration.dependent()), coverageKey);
        }
    }

    /**
     * The coverage's subscriber when it is not the patient: the message's RelatedPerson (IN1-16 insured), or for a
     * Coverage from the EHR the resource its {@code subscriber} names, read and audited.
     */
    private Optional<? extends DomainResource> subscriberOf(Coverage coverage, boolean inMessage, Bundle bundle, AuditSubject subject)
            throws SQLException {
        if (VisitCoverage.patientIsSubscriber(coverage)) {
            return Optional.empty();
        }
        if (inMessage) {
            return VisitCoverage.first(bundle, RelatedPerson.class);
        }
        IIdType reference = coverage.getSubscriber().getReferenceElement();
        if (!reference.hasIdPart() || !reference.hasResourceType()) {
            return Optional.empty();
        }
        Class<? extends DomainResource> type = "Patient".equals(reference.getResourceType()) ? Patient.class : RelatedPerson.class;
        String target = reference.getResourceType() + "/" + reference.getIdPart();
        try {
            DomainResource read = ehr.read().resource(type).withId(reference.getIdPart()).execute();
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject, target, AuditOutcome.SUCCESS, "coverage subscriber"));
            return Optional.of(read);
        } catch (BaseServerResponseException e) {
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject, target, AuditOutcome.FAILURE,
                    "EHR answered HTTP " + e.getStatusCode()));
            if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The patient's active Coverage in the EHR (an appointment message carries none), read and audited. An EHR that
     * refuses the search (HTTP 4xx) means no check for this message, logged; one that fails otherwise is retried with
     * the message.
     */
    private Optional<Coverage> activeCoverageInEhr(String patientId, AuditSubject subject) throws SQLException {
        Bundle found;
        try {
            found = ehr.search().forResource(Coverage.class).where(Coverage.BENEFICIARY.hasId(patientId))
                    .returnBundle(Bundle.class).execute();
        } catch (BaseServerResponseException e) {
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject, "Coverage", AuditOutcome.FAILURE,
                    "EHR answered HTTP " + e.getStatusCode()));
            if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
                LOG.warn("EHR refused the Coverage search (HTTP {}): no eligibility check for message {}", e.getStatusCode(),
                        subject.sourceMessage());
                return Optional.empty();
            }
            throw e;
        }
        List<Coverage> coverages = found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Coverage.class::isInstance).map(Coverage.class::cast)
                .filter(c -> c.getStatus() == Coverage.CoverageStatus.ACTIVE).toList();
        Optional<Coverage> coverage = coverages.isEmpty() ? Optional.empty() : Optional.of(coverages.get(coverages.size() - 1));
        trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject,
                coverage.map(c -> c.getIdElement().toUnqualifiedVersionless().getValue()).orElse("Coverage"), AuditOutcome.SUCCESS,
                coverage.isPresent() ? null : "no active Coverage"));
        return coverage;
    }
}
