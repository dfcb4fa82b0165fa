package org.medrelay.processors.noshow;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The slot an SIU message is about, as no-show recovery keys it: the provider (AIP-3's id, an NPI), the visit type
 * (SCH-8 appointment type, else AIS-3 service, else SCH-7 reason; its code) and the start and end.
 *
 * @param appointmentId SCH-1 (else SCH-2): kept only as a keyed hash in the store
 */
public record ScheduledVisit(String appointmentId, String providerId, String providerName, String visitType,
                             Instant start, Instant end) {

    static final Duration DEFAULT_LENGTH = Duration.ofMinutes(15);

    /** Empty when the appointment names no provider or no start: nothing to match a waitlist with. */
    public static Optional<ScheduledVisit> of(Appointment appointment) {
        Optional<Reference> provider = appointment.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
                .filter(a -> isPractitioner(a) && a.hasIdentifier() && a.getIdentifier().hasValue())
                .findFirst();
        if (provider.isEmpty() || !appointment.hasStart()) {
            return Optional.empty();
        }
        Instant start = appointment.getStart().toInstant();
        Instant end = appointment.hasEnd() ? appointment.getEnd().toInstant()
                : start.plus(appointment.hasMinutesDuration() ? Duration.ofMinutes(appointment.getMinutesDuration()) : DEFAULT_LENGTH);
        String id = appointment.getIdentifier().stream().filter(i -> i.hasValue()).findFirst()
                .map(i -> i.getSystem() + "|" + i.getValue()).orElse(null);
        return Optional.of(new ScheduledVisit(id, provider.get().getIdentifier().getValue(),
                provider.get().hasDisplay() ? provider.get().getDisplay() : provider.get().getIdentifier().getValue(),
                visitType(appointment), start, end));
    }

    /** A practitioner taking part: by reference type (AIP-3 maps to a logical reference typed Practitioner). */
    static boolean isPractitioner(Reference actor) {
        return "Practitioner".equals(actor.getType()) || "Practitioner".equals(actor.getReferenceElement().getResourceType());
    }

    private static String visitType(Appointment appointment) {
        for (CodeableConcept concept : new CodeableConcept[]{appointment.getAppointmentType(),
                appointment.getServiceTypeFirstRep(), appointment.getReasonCodeFirstRep()}) {
            if (concept != null && concept.hasCoding() && concept.getCodingFirstRep().hasCode()) {
                return concept.getCodingFirstRep().getCode().toUpperCase(Locale.ROOT);
            }
        }
        return "UNSPECIFIED";
    }
}
