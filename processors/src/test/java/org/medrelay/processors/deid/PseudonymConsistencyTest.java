package org.medrelay.processors.deid;

import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.session;

/** One value, one pseudonym inside a session (structured fields and free text alike); other sessions, other pseudonyms. */
class PseudonymConsistencyTest {

    private final Deidentifier deidentifier = new Deidentifier(TestSessions.POLICY);

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in " + text);
        return m.group(1);
    }

    @Test
    void theSameMrnAndNameGetTheSamePseudonymInHl7FhirX12AndFreeText() {
        DeidentificationSession s = deidentifier.openSession();
        String hl7 = deidentifier.hl7v2(Hl7v2DeidentifierTest.REGISTRATION, s);
        Patient fhir = deidentifier.fhir(FhirDeidentifierTest.patient(), s);
        String x12 = deidentifier.x12(X12DeidentifierTest.CLAIM_837, s);
        String note = deidentifier.freeText("Called Alma Testpatient (MRN100991) back at 217-555-0142.", s);

        String mrn = first(hl7, "PID\\|1\\|\\|(\\[MRN-\\d+])");
        String family = first(hl7, "\\|(\\[NAME-\\d+])\\^\\[NAME-\\d+]\\^\\[NAME-\\d+]\\^\\^Ms\\.");
        String phone = first(hl7, "\\^PRN\\^PH\\^\\^1\\^\\^(\\[PHONE-\\d+])");
        assertEquals(mrn, fhir.getIdentifierFirstRep().getValue());
        assertEquals(family, fhir.getNameFirstRep().getFamily());
        assertEquals(phone, fhir.getTelecomFirstRep().getValue(), "217-555-0142 and ^217^5550142 are one number");
        assertEquals(mrn, first(x12, "REF\\*EA\\*(\\[MRN-\\d+])"));
        assertEquals(family, first(x12, "NM1\\*QC\\*1\\*(\\[NAME-\\d+])"), "TESTPATIENT is Testpatient");
        assertTrue(note.matches("Called \\[NAME-\\d+] " + Pattern.quote(family) + " \\(" + Pattern.quote(mrn) + "\\) back at "
                + Pattern.quote(phone) + "\\."), note);
    }

    @Test
    void anotherSessionGivesTheSameValuesOtherPseudonyms() {
        String one = deidentifier.freeText("MRN: 100991, Mrs. Testpatient, 217-555-0142", deidentifier.openSession());
        String two = deidentifier.freeText("MRN: 100991, Mrs. Testpatient, 217-555-0142", deidentifier.openSession());
        assertTrue(one.matches("MRN: \\[MRN-\\d+], Mrs\\. \\[NAME-\\d+], \\[PHONE-\\d+]"), one);
        assertNotEquals(one, two);
    }

    @Test
    void differentValuesInOneSessionGetDifferentPseudonyms() {
        DeidentificationSession s = session();
        assertNotEquals(s.pseudonym(IdentifierKind.MRN, "MRN100991"), s.pseudonym(IdentifierKind.MRN, "MRN100992"));
        assertEquals(s.pseudonym(IdentifierKind.SSN, "123-45-6789"), s.pseudonym(IdentifierKind.SSN, "123456789"));
    }

    @Test
    void anIdentifierKnownAsAnMrnKeepsItsPseudonymWhenTextCallsItSomethingElse() {
        DeidentificationSession s = session();
        String mrn = s.pseudonym(IdentifierKind.MRN, "100991");
        assertEquals("patient ID " + mrn, deidentifier.freeText("patient ID 100991", s));
    }
}
