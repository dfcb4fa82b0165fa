package org.medrelay.processors.refill;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a patient's chart from the EHR's FHIR API for refill triage: the Patient, their Encounters, Observations and
 * MedicationRequests, each search by patient only (every FHIR server offers it; dates and codes are filtered here).
 * Every read is a {@code READ} entry in the audit trail, a refused one a {@code FAILURE}.
 */
public final class ChartReader {

    /** Pages followed per search, at most: a chart longer than this is read in part, never endlessly. */
    static final int MAX_PAGES = 20;

    private final IGenericClient ehr;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public ChartReader(IGenericClient ehr, AuditTrail trail, String actor, Clock clock) {
        this.ehr = ehr;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * The EHR's Patient the request is about: its subject when that is a {@code Patient/id} reference, else the
     * patient with the subject's identifier or the message's patient identifiers (MR first).
     */
    public Optional<String> findPatient(MedicationRequest request, Optional<Patient> fromMessage, AuditSubject subject)
            throws SQLException {
        String reference = request.getSubject().getReference();
        if (reference != null && reference.startsWith("Patient/")) {
            return Optional.of(reference);
        }
        List<Identifier> identifiers = new ArrayList<>();
        if (request.getSubject().hasIdentifier()) {
            identifiers.add(request.getSubject().getIdentifier());
        }
        fromMessage.ifPresent(p -> p.getIdentifier().stream()
                .sorted((a, b) -> Boolean.compare(!isMrn(a), !isMrn(b))).forEach(identifiers::add));
        for (Identifier identifier : identifiers) {
            if (!identifier.hasValue()) {
                continue;
            }
            List<Patient> found = search(Patient.class, null, null, identifier, subject);
            if (found.size() == 1) {
                return Optional.of("Patient/" + found.get(0).getIdElement().getIdPart());
            }
        }
        return Optional.empty();
    }

    public Chart read(String patientReference, AuditSubject subject) throws SQLException {
        Optional<Patient> patient = readPatient(patientReference, subject);
        if (patient.isEmpty()) {
            return Chart.missing();
        }
        return new Chart(patientReference, patient,
                search(Encounter.class, Encounter.SUBJECT, patientReference, null, subject),
                search(Observation.class, Observation.SUBJECT, patientReference, null, subject),
                search(MedicationRequest.class, MedicationRequest.SUBJECT, patientReference, null, subject));
    }

    private Optional<Patient> readPatient(String reference, AuditSubject subject) throws SQLException {
        try {
            Patient patient = ehr.read().resource(Patient.class).withId(reference).execute();
            audit(subject, reference, AuditOutcome.SUCCESS, null);
            return Optional.of(patient);
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            audit(subject, reference, AuditOutcome.FAILURE, "EHR answered HTTP " + e.getStatusCode());
            return Optional.empty();
        } catch (BaseServerResponseException e) {
            audit(subject, reference, AuditOutcome.FAILURE, "EHR answered HTTP " + e.getStatusCode());
            throw e;
        }
    }

    private <T extends Resource> List<T> search(Class<T> type, ReferenceClientParam by, String patientReference,
                                                Identifier identifier, AuditSubject subject) throws SQLException {
        String target = type.getSimpleName();
        Bundle page;
        try {
            var query = ehr.search().forResource(type);
            page = (identifier != null
                    ? query.where(Patient.IDENTIFIER.exactly().systemAndCode(identifier.getSystem(), identifier.getValue()))
                    : query.where(by.hasId(patientReference))).returnBundle(Bundle.class).execute();
        } catch (BaseServerResponseException e) {
            audit(subject, target, AuditOutcome.FAILURE, "EHR answered HTTP " + e.getStatusCode());
            throw e;
        }
        List<T> found = new ArrayList<>();
        for (int pages = 1; ; pages++) {
            page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                    .map(type::cast).forEach(found::add);
            if (pages >= MAX_PAGES || page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = ehr.loadPage().next(page).execute();
        }
        audit(subject, target, AuditOutcome.SUCCESS, (identifier != null ? "search by identifier" : "search by " + patientReference)
                + ": " + found.size() + " found");
        return found;
    }

    private void audit(AuditSubject subject, String target, AuditOutcome outcome, String reason) throws SQLException {
        trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject, target, outcome, reason));
    }

    private static boolean isMrn(Identifier identifier) {
        return identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()));
    }
}
