package org.medrelay.processors.deid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.session;
import static org.medrelay.processors.deid.TestSessions.withoutPseudonyms;

/** Free text, one Safe Harbor identifier kind per test (names, places and dates have classes of their own). */
class FreeTextIdentifiersTest {

    private final FreeTextDeidentifier freeText = new FreeTextDeidentifier();

    private String deidentify(String text, DeidentificationSession s) {
        return freeText.deidentify(text, s);
    }

    @Test
    void telephoneNumbersInUsFormatsBecomeOnePhonePseudonym() {
        DeidentificationSession s = session();
        String out = deidentify("Call (217) 555-0142 or 217.555.0142, cell +1 217 555 0142 ext. 12, tel 5550199.", s);
        assertFalse(withoutPseudonyms(out).contains("555"), out);
        assertTrue(out.matches("Call (\\[PHONE-\\d+]) or \\1, cell \\[PHONE-\\d+], tel \\[PHONE-\\d+]\\."), out);
        assertEquals(4, s.report().count(IdentifierKind.PHONE));
    }

    @Test
    void numberAfterAFaxLabelIsAFaxNumber() {
        DeidentificationSession s = session();
        String out = deidentify("Phone 217-555-0142, fax 217-555-0143; F: (217) 555-0144", s);
        assertTrue(out.matches("Phone \\[PHONE-\\d+], fax \\[FAX-\\d+]; F: \\[FAX-\\d+]"), out);
        assertEquals(2, s.report().count(IdentifierKind.FAX));
    }

    @Test
    void emailAddressesAreReplaced() {
        DeidentificationSession s = session();
        String out = deidentify("Write to alma.testpatient+refills@example.org, not ALMA.TESTPATIENT+refills@EXAMPLE.ORG.", s);
        assertTrue(out.matches("Write to (\\[EMAIL-\\d+]), not \\1\\."), out);
    }

    @Test
    void socialSecurityNumbersWithDashesOrAfterALabel() {
        DeidentificationSession s = session();
        String out = deidentify("SSN 123 45 6789 (on file as 123-45-6789); SS# 123456789", s);
        assertFalse(withoutPseudonyms(out).contains("6789"), out);
        assertTrue(out.matches("SSN (\\[SSN-\\d+]) \\(on file as \\1\\); SS# \\1"), out);
    }

    @Test
    void medicalRecordNumbersAfterTheirLabel() {
        DeidentificationSession s = session();
        String out = deidentify("MRN: 100991. Medical record number 100992, chart #A-77120.", s);
        assertTrue(out.matches("MRN: \\[MRN-\\d+]\\. Medical record number \\[MRN-\\d+], chart #\\[MRN-\\d+]\\."), out);
    }

    @Test
    void healthPlanMemberIdsAfterTheirLabel() {
        DeidentificationSession s = session();
        String out = deidentify("Member ID: XK55991, subscriber # 55-0091; Medicare MBI 1EG4TE5MK73", s);
        assertTrue(out.matches("Member ID: \\[MEMBER-\\d+], subscriber # \\[MEMBER-\\d+]; Medicare MBI \\[MEMBER-\\d+]"), out);
    }

    @Test
    void accountNumbersAfterTheirLabel() {
        String out = deidentify("Acct # ACCT9991 is past due; account number 4410-2291.", session());
        assertTrue(out.matches("Acct # \\[ACCOUNT-\\d+] is past due; account number \\[ACCOUNT-\\d+]\\."), out);
    }

    @Test
    void certificateAndLicenseNumbersAfterTheirLabel() {
        String out = deidentify("Driver's license IL-T123-4567-8901; birth certificate no. 1961-0031774; DEA AB1234563", session());
        assertTrue(out.matches("Driver's license \\[LICENSE-\\d+]; birth certificate no\\. \\[LICENSE-\\d+]; DEA \\[LICENSE-\\d+]"), out);
    }

    @Test
    void vehicleIdentificationNumbersAndLicensePlates() {
        DeidentificationSession s = session();
        // A made-up VIN whose ninth character is its correct check digit, found without a label.
        String out = deidentify("Hit by 1FTEW1EP6NKD11234 while parked; license plate: 7ABC123; VIN 4T1BF1FKXCU512345", s);
        assertTrue(out.matches("Hit by \\[VEHICLE-\\d+] while parked; license plate: \\[VEHICLE-\\d+]; VIN \\[VEHICLE-\\d+]"), out);
    }

    @Test
    void seventeenCharacterCodeWithAWrongCheckDigitIsNotAVin() {
        String text = "Lot 1FTEW1EP5NKD11234 recalled";
        assertEquals(text, deidentify(text, session()));
    }

    @Test
    void deviceSerialNumbersUdisAndMacAddresses() {
        String out = deidentify("Pacemaker serial no. PM-88231-X, UDI (01)00844588003288(17)271120(21)A1B2C3, MAC 00:1A:2B:3C:4D:5E",
                session());
        assertTrue(out.matches("Pacemaker serial no\\. \\[DEVICE-\\d+], UDI \\[DEVICE-\\d+], MAC \\[DEVICE-\\d+]"), out);
    }

    @Test
    void webAddressesAreReplacedWithoutTheSentencePunctuation() {
        String out = deidentify("See https://alma-testpatient.example.com/blog?id=7. Or www.example.org/alma).", session());
        assertTrue(out.matches("See \\[URL-\\d+]\\. Or \\[URL-\\d+]\\)\\."), out);
    }

    @Test
    void ipv4AndIpv6AddressesButNotTimesOrVersions() {
        DeidentificationSession s = session();
        String out = deidentify("Portal login from 192.0.2.44 and 2001:db8::7 at 10:30:00, app 2.5.1", s);
        assertTrue(out.matches("Portal login from \\[IP-\\d+] and \\[IP-\\d+] at 10:30:00, app 2\\.5\\.1"), out);
        assertEquals(2, s.report().count(IdentifierKind.IP_ADDRESS));
    }

    @Test
    void biometricIdentifiersAfterTheirLabel() {
        String out = deidentify("Fingerprint template FP-20931-77 and retinal scan id RS88120 on file", session());
        assertTrue(out.matches("Fingerprint template \\[BIOMETRIC-\\d+] and retinal scan id \\[BIOMETRIC-\\d+] on file"), out);
    }

    @Test
    void otherIdentifyingNumbersAfterALabel() {
        String out = deidentify("Claim # 17312345600006351, visit number V0991, accession #S26-4411", session());
        assertTrue(out.matches("Claim # \\[ID-\\d+], visit number \\[ID-\\d+], accession #\\[ID-\\d+]"), out);
    }

    @Test
    void aYearAfterAPlanNameIsNotAMemberId() {
        String text = "Enrolled in Medicare 2026 plan, policy 2025 renewal.";
        assertEquals("Enrolled in Medicare 2026 plan, policy 2025 renewal.", deidentify(text, session()));
    }

    @Test
    void clinicalNumbersWithoutLabelsStay() {
        String text = "BP 128/82, HR 72, A1c 7.1%, sodium 138 mmol/L, take 2 tablets at 08:00.";
        assertEquals(text, deidentify(text, session()));
    }
}
