package org.medrelay.mappings.fhir;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medrelay.mappings.hl7v2.SyntheticSamples.bytes;

class SiuToFhirTest {

    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    @Test
    void newAppointmentIsBookedWithTimesServiceAndParticipants() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("siu-s12-booked.hl7"));
        Appointment appointment = Bundles.only(bundle, Appointment.class);

        assertEquals(Appointment.AppointmentStatus.BOOKED, appointment.getStatus());
        assertEquals("PUT Appointment?identifier=urn:medrelay:hl7:id:MRH_SCHED|APT2002",
                Bundles.requestUrls(bundle).get(0));
        assertEquals("2026-11-10T10:00:00Z", appointment.getStartElement().getValueAsString());
        assertEquals("2026-11-10T10:30:00Z", appointment.getEndElement().getValueAsString());
        assertEquals(30, appointment.getMinutesDuration());
        assertEquals("99213", appointment.getServiceTypeFirstRep().getCodingFirstRep().getCode());
        assertEquals(Bundles.fullUrlOf(bundle, Bundles.only(bundle, Patient.class)),
                appointment.getParticipant().get(0).getActor().getReference());
        assertEquals("Dana Doctor", appointment.getParticipant().get(1).getActor().getDisplay());
        assertEquals("MRH CLINIC 101 1", appointment.getParticipant().get(2).getActor().getDisplay());
    }

    @Test
    void modificationStaysBookedAndUpdatesTheSameAppointment() throws Exception {
        Bundle booked = MAPPER.toBundle(bytes("siu-s12-booked.hl7"));
        Bundle modified = MAPPER.toBundle(bytes("siu-s14-modified.hl7"));

        assertEquals(Appointment.AppointmentStatus.BOOKED, Bundles.only(modified, Appointment.class).getStatus());
        assertEquals(Bundles.requestUrls(booked).get(0), Bundles.requestUrls(modified).get(0));
        assertEquals("Evan Physician",
                Bundles.only(modified, Appointment.class).getParticipant().get(1).getActor().getDisplay());
    }

    @Test
    void cancellationIsCancelled() throws Exception {
        assertEquals(Appointment.AppointmentStatus.CANCELLED,
                Bundles.only(MAPPER.toBundle(bytes("siu-s15-cancelled.hl7")), Appointment.class).getStatus());
    }

    @Test
    void noShowIsNoshow() throws Exception {
        assertEquals(Appointment.AppointmentStatus.NOSHOW,
                Bundles.only(MAPPER.toBundle(bytes("siu-s26-noshow.hl7")), Appointment.class).getStatus());
    }
}
