package org.medrelay.processors.noshow;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.drafting.DraftKind;
import org.medrelay.processors.drafting.PatientMessages;
import org.medrelay.processors.hl7.MedRelayHeaders;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The no-show recovery step of {@code hl7-process}, on SIU messages once written to the EHR:
 * <ul>
 *   <li>S26 (no-show) and S15 (cancellation): an outreach message to the patient (channel by their preference in the
 *       FHIR Patient, template per visit type, no clinical details) in a rebooking work item; the freed slot, while it
 *       has not ended, offered to the longest-waiting patient on the waitlist for that provider and visit type (an offer
 *       work item with its message);</li>
 *   <li>S12 (booked): counted for the metrics, and a booking of a patient who was offered a slot marks it refilled.</li>
 * </ul>
 * Each appointment event is handled once: a resent message changes nothing.
 */
public class NoShowRecovery {

    /** Exchange property holding the Bundle the message was mapped to (set by hl7-process before the write). */
    public static final String MAPPED_BUNDLE = "MedRelayMappedBundle";
    private static final Logger LOG = LoggerFactory.getLogger(NoShowRecovery.class);

    private final Waitlist waitlist;
    private final AppointmentEvents events;
    private final PatientMessages messages;
    private final NoShowWorkItems workItems;
    private final WorkItemIntake intake;
    private final IGenericClient ehr;
    private final PatientKeys keys;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;

    public NoShowRecovery(Waitlist waitlist, AppointmentEvents events, PatientMessages messages, NoShowWorkItems workItems,
                          WorkItemIntake intake, IGenericClient ehr, PatientKeys keys, AuditTrail trail, String actor, Clock clock) {
        this.waitlist = waitlist;
        this.events = events;
        this.messages = messages;
        this.workItems = workItems;
        this.intake = intake;
        this.ehr = ehr;
        this.keys = keys;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    public void record(@ExchangeProperty(MAPPED_BUNDLE) Bundle bundle, @Body List<String> written,
                       @ExchangeProperty(AuditSubject.EXCHANGE_PROPERTY) AuditSubject subject,
                       @Header(MedRelayHeaders.MESSAGE_TYPE) String messageType) throws SQLException {
        Optional<Appointment> appointment = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Appointment.class::isInstance).map(Appointment.class::cast).findFirst();
        Optional<ScheduledVisit> visit = appointment.flatMap(ScheduledVisit::of);
        Optional<String> patientId = written.stream().filter(id -> id.startsWith("Patient/")).findFirst();
        if (visit.isEmpty() || visit.get().appointmentId() == null || patientId.isEmpty() || subject == null
                || subject.patientKey() == null) {
            LOG.info("No no-show recovery for message {}: no appointment with an id, provider and start, or no patient",
                    subject == null ? null : subject.sourceMessage());
            return;
        }
        String appointmentKey = keys.keyOf("appointment|" + visit.get().appointmentId());
        String appointmentReference = written.stream().filter(id -> id.startsWith("Appointment/")).findFirst().orElse(null);
        PatientRef patient = new PatientRef(patientId.get(), subject.patientKey());
        switch (messageType) {
            case "SIU^S12" -> booked(visit.get(), appointmentKey, subject);
            case "SIU^S26" -> freed(visit.get(), appointmentKey, AppointmentEvents.NO_SHOW, "no-show",
                    PatientMessages.NO_SHOW_OUTREACH, appointment.get(), appointmentReference, patient, subject);
            case "SIU^S15" -> freed(visit.get(), appointmentKey, AppointmentEvents.CANCELLED, "cancellation",
                    PatientMessages.CANCELLATION_OUTREACH, appointment.get(), appointmentReference, patient, subject);
            default -> LOG.debug("Message {} ({}) is not a no-show recovery event", subject.sourceMessage(), messageType);
        }
    }

    private void booked(ScheduledVisit visit, String appointmentKey, AuditSubject subject) throws SQLException {
        events.record(appointmentKey, AppointmentEvents.BOOKED, visit, clock.instant());
        Optional<WaitlistEntry> taken = waitlist.booked(subject.patientKey(), visit.providerId(), visit.visitType(), clock.instant());
        if (taken.isPresent()) {
            events.refilled(taken.get().id(), clock.instant());
            LOG.info("Waitlist entry {} booked by message {}: the slot offered to it is refilled", taken.get().id(),
                    subject.sourceMessage());
        }
    }

    /**
     * Reads and drafts first, changes state last: an EHR failure retries the message with nothing recorded, and the
     * event's row (unique per appointment and event) decides which of two deliveries goes on.
     */
    private void freed(ScheduledVisit visit, String appointmentKey, String event, String eventCode, DraftKind outreach,
                       Appointment appointment, String appointmentReference, PatientRef patient, AuditSubject subject)
            throws SQLException {
        if (events.recorded(appointmentKey, event)) {
            LOG.info("No-show recovery for message {}: this appointment's {} was already handled", subject.sourceMessage(), eventCode);
            return;
        }
        Optional<Patient> resource = readPatient(patient.reference(), subject);
        Optional<String> message = resource.map(p -> messages.draftForVisitType(outreach, visit.visitType(), patient, p,
                List.of(forMessage(appointment, patient.reference()))));
        boolean slotAhead = visit.end().isAfter(clock.instant());
        Optional<WaitlistEntry> candidate = slotAhead ? waitlist.firstMatch(visit, patient.pseudonymKey()) : Optional.empty();
        Optional<Offer> offer = candidate.isPresent() ? offer(candidate.get(), appointment, subject) : Optional.empty();

        if (!events.record(appointmentKey, event, visit, clock.instant())) {
            LOG.info("No-show recovery for message {}: this appointment's {} was already handled", subject.sourceMessage(), eventCode);
            return;
        }
        if (offer.isPresent() && !waitlist.markOffered(offer.get().entry().id(), visit, appointmentKey, clock.instant())) {
            LOG.info("Waitlist entry {} was offered another slot meanwhile: no offer for message {}", offer.get().entry().id(),
                    subject.sourceMessage());
            offer = Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(eventCode + ": " + visit.visitType() + " visit with " + visit.providerName() + " on "
                + DateTimeFormatter.ISO_INSTANT.format(visit.start()));
        if (offer.isPresent()) {
            events.offered(appointmentKey, event, offer.get().entry().id());
            // The entry's id only: this item is about the patient who freed the slot, not the one it went to.
            reasons.add("slot offered to waitlist entry " + offer.get().entry().id());
        } else {
            reasons.add(!slotAhead ? "the slot has passed: nothing to offer from the waitlist"
                    : "no patient on the waitlist for this provider and visit type");
        }
        if (message.isPresent()) {
            OutreachChannel channel = OutreachChannel.preferred(resource.get());
            WorkItem item = intake.accept(workItems.rebooking(patient, eventCode, channel, message.get(), reasons,
                    appointmentReference, subject.sourceMessage()));
            LOG.info("No-show recovery for message {}: rebooking work item {} ({})", subject.sourceMessage(), item.id(), eventCode);
        } else {
            LOG.warn("No-show recovery for message {}: the patient is not in the EHR, no outreach drafted", subject.sourceMessage());
        }
        if (offer.isPresent()) {
            Offer o = offer.get();
            PatientRef waiting = new PatientRef(o.entry().patientReference(), o.entry().patientKey());
            WorkItem item = intake.accept(workItems.offer(waiting, o.channel(), o.message(),
                    List.of("waitlist entry " + o.entry().id() + ": an earlier slot freed"), appointmentReference, subject.sourceMessage()));
            LOG.info("Waitlist entry {} offered the freed slot: work item {}", o.entry().id(), item.id());
        }
    }

    private record Offer(WaitlistEntry entry, OutreachChannel channel, String message) {
    }

    /** The offer's message to the waiting patient, read and drafted under their own key; empty if the EHR lacks them. */
    private Optional<Offer> offer(WaitlistEntry entry, Appointment appointment, AuditSubject freedBy) throws SQLException {
        AuditSubject subject = new AuditSubject(entry.patientKey(), freedBy.sourceMessage(), freedBy.interfaceName());
        Optional<Patient> resource = readPatient(entry.patientReference(), subject);
        if (resource.isEmpty()) {
            LOG.warn("Waitlist entry {}: its patient is not in the EHR, no offer drafted", entry.id());
            return Optional.empty();
        }
        PatientRef patient = new PatientRef(entry.patientReference(), entry.patientKey());
        String message = messages.draft(PatientMessages.WAITLIST_OFFER, patient, resource.get(),
                List.of(forMessage(appointment, entry.patientReference())), "");
        return Optional.of(new Offer(entry, OutreachChannel.preferred(resource.get()), message));
    }

    /**
     * The appointment as a message may show it: start, type and the provider, for the given patient, without the
     * reason and without the other patient (an offer is about someone else's slot).
     */
    private static Appointment forMessage(Appointment appointment, String patientReference) {
        Appointment shown = new Appointment();
        shown.setStartElement(appointment.getStartElement().copy());
        shown.setAppointmentType(appointment.getAppointmentType().copy());
        appointment.getParticipant().stream().filter(p -> ScheduledVisit.isPractitioner(p.getActor()))
                .forEach(p -> shown.addParticipant().setActor(p.getActor().copy()));
        shown.addParticipant().setActor(new Reference(patientReference));
        return shown;
    }

    private Optional<Patient> readPatient(String reference, AuditSubject subject) throws SQLException {
        try {
            Patient patient = ehr.read().resource(Patient.class).withId(reference).execute();
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject, reference, AuditOutcome.SUCCESS, null));
            return Optional.of(patient);
        } catch (BaseServerResponseException e) {
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), subject, reference, AuditOutcome.FAILURE,
                    "EHR answered HTTP " + e.getStatusCode()));
            if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
