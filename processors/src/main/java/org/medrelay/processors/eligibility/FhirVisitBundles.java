package org.medrelay.processors.eligibility;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.FhirPatientKeys;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what the {@link EligibilityTrigger} needs from a FHIR Appointment or intake form into the same kind of
 * Bundle an HL7v2 message is mapped to: the Patient, the Appointment (or an Encounter for the form's visit date), and,
 * from a form, the Coverage and its subscriber. Each resource read from the EHR is audited as a READ under the patient.
 * The patient's key is the one an HL7v2 message for the same patient gets (its first identifier, authority and id), so
 * checks recorded from either feed are the same check.
 */
public class FhirVisitBundles {

    static final String INTERFACE = "fhir-eligibility-feed";

    private final IGenericClient ehr;
    private final PatientKeys keys;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public FhirVisitBundles(IGenericClient ehr, PatientKeys keys, AuditTrail trail, String actor, Clock clock) {
        this.ehr = ehr;
        this.keys = keys;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /** What the trigger is given: the bundle, the ids it stands for in the EHR, the audit subject. */
    record Visit(Bundle bundle, List<String> written, AuditSubject subject) {
    }

    AuditSubject subject(String patientKey, String version) {
        return new AuditSubject(patientKey, version, INTERFACE);
    }

    Optional<Visit> forAppointment(Appointment appointment, String version) throws SQLException {
        Optional<String> patientId = appointment.getParticipant().stream().map(p -> p.getActor().getReference())
                .filter(r -> r != null && r.startsWith("Patient/")).findFirst();
        if (patientId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Patient> patient = read(Patient.class, patientId.get(), null, version);
        return patient.map(p -> visit(p, version, appointment));
    }

    Optional<Visit> forIntakeForm(QuestionnaireResponse form, String version) throws SQLException {
        String patientId = form.getSubject().getReference();
        if (patientId == null || !patientId.startsWith("Patient/")) {
            return Optional.empty();
        }
        Optional<Patient> patient = read(Patient.class, patientId, null, version);
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        AuditSubject subject = subject(patientKey(patient.get()), version);
        String reference = patient.get().getIdElement().toUnqualifiedVersionless().getValue();
        IntakeFormCoverage answers = new IntakeFormCoverage(form);
        Bundle bundle = new Bundle();
        bundle.addEntry().setResource(patient.get());
        Optional<Coverage> coverage = answers.answeredCoverage(reference);
        Optional<? extends DomainResource> subscriber = answers.answeredSubscriber();
        if (coverage.isEmpty()) {
            Optional<Reference> named = answers.reference("coverage");
            coverage = named.isEmpty() ? Optional.empty() : read(Coverage.class, named.get().getReference(), subject, version);
            subscriber = coverage.isEmpty() || VisitCoverage.patientIsSubscriber(coverage.get()) ? Optional.empty()
                    : subscriberInEhr(coverage.get(), subject, version);
        }
        if (coverage.isEmpty()) {
            return Optional.empty();
        }
        bundle.addEntry().setResource(coverage.get());
        subscriber.ifPresent(s -> bundle.addEntry().setResource(s));
        Optional<Reference> appointment = answers.reference("appointment");
        if (appointment.isPresent()) {
            read(Appointment.class, appointment.get().getReference(), subject, version).ifPresent(a -> bundle.addEntry().setResource(a));
        } else {
            answers.date("visit-date").ifPresent(d -> bundle.addEntry().setResource(new Encounter().setPeriod(
                    new org.hl7.fhir.r4.model.Period().setStart(Date.from(d.atStartOfDay(clock.getZone()).toInstant())))));
        }
        return Optional.of(new Visit(bundle, List.of(reference), subject));
    }

    private Visit visit(Patient patient, String version, DomainResource... more) {
        Bundle bundle = new Bundle();
        bundle.addEntry().setResource(patient);
        for (DomainResource resource : more) {
            bundle.addEntry().setResource(resource);
        }
        return new Visit(bundle, List.of(patient.getIdElement().toUnqualifiedVersionless().getValue()),
                subject(patientKey(patient), version));
    }

    /** A Coverage's subscriber read from the EHR, as a RelatedPerson (a subscriber who is a Patient is copied into one). */
    private Optional<RelatedPerson> subscriberInEhr(Coverage coverage, AuditSubject subject, String version) throws SQLException {
        String reference = coverage.getSubscriber().getReference();
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.startsWith("Patient/")) {
            return read(Patient.class, reference, subject, version).map(p -> new RelatedPerson().setName(p.getName())
                    .setBirthDateElement(p.getBirthDateElement()).setGender(p.getGender()));
        }
        return read(RelatedPerson.class, reference, subject, version);
    }

    /** The patient's key: of its first identifier as HL7v2 keys PID-3 (authority and id), else of its id in the EHR. */
    String patientKey(Patient patient) {
        return FhirPatientKeys.of(keys, patient);
    }

    /**
     * Reads and audits; an EHR that answers 4xx gives empty (audited as a failure), other failures are thrown so the
     * feed stops and tries again. @param subject null when reading the patient itself (then audited under its key)
     */
    private <T extends DomainResource> Optional<T> read(Class<T> type, String reference, AuditSubject subject, String version)
            throws SQLException {
        IIdType id = new org.hl7.fhir.r4.model.IdType(reference);
        String target = type.getSimpleName() + "/" + id.getIdPart();
        try {
            T read = ehr.read().resource(type).withId(id.getIdPart()).execute();
            AuditSubject who = subject != null ? subject : subject(read instanceof Patient p ? patientKey(p) : null, version);
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), who, target, AuditOutcome.SUCCESS,
                    "eligibility trigger " + version));
            return Optional.of(read);
        } catch (BaseServerResponseException e) {
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject != null ? subject : subject(null, version),
                    target, AuditOutcome.FAILURE, "EHR answered HTTP " + e.getStatusCode()));
            if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
