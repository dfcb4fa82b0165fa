package org.medrelay.processors.noshow;

import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outreach channel follows the patient's ranking, else mobile (text), email, phone, letter. */
class OutreachChannelTest {

    private static Patient patient() {
        return new Patient();
    }

    @Test
    void theContactPointRankedFirstWins() {
        Patient patient = patient();
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                .setValue("217-555-0101").setRank(2);
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("a@example.org").setRank(1);
        assertEquals(OutreachChannel.EMAIL, OutreachChannel.preferred(patient));
    }

    @Test
    void withoutRanksAMobileIsTextedBeforeEmailAndAHomePhoneIsCalledLast() {
        Patient patient = patient();
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.HOME).setValue("217-555-0102");
        assertEquals(OutreachChannel.PHONE, OutreachChannel.preferred(patient));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("a@example.org");
        assertEquals(OutreachChannel.EMAIL, OutreachChannel.preferred(patient));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE).setValue("217-555-0103");
        assertEquals(OutreachChannel.SMS, OutreachChannel.preferred(patient));
    }

    @Test
    void noPhoneOrEmailMeansALetterOrNothing() {
        Patient patient = patient();
        assertEquals(OutreachChannel.NONE, OutreachChannel.preferred(patient));
        patient.addAddress().addLine("1 Test Loop").setCity("Springfield");
        assertEquals(OutreachChannel.LETTER, OutreachChannel.preferred(patient));
    }
}
