package org.medrelay.processors.deid;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.session;

/** Re-identification inside the deployment: the pseudonym map stays in the session and is never shown. */
class ReidentificationTest {

    private final FreeTextDeidentifier freeText = new FreeTextDeidentifier();

    @Test
    void aModelAnswerWrittenWithTheTokensGetsTheOriginalsBack() {
        DeidentificationSession s = session();
        String request = freeText.deidentify("Patient: Alma Testpatient, MRN 100991, Member ID XK55991, phone 217-555-0142.", s);
        Matcher tokens = TestSessions.TOKEN.matcher(request);
        StringBuilder answer = new StringBuilder("Dear");
        while (tokens.find()) {
            answer.append(' ').append(tokens.group());
        }
        assertEquals("Dear Alma Testpatient 100991 XK55991 217-555-0142", s.reidentify(answer.toString()));
    }

    @Test
    void structuredFieldsComeBackToo() {
        DeidentificationSession s = session();
        String out = new Hl7v2Deidentifier().deidentify(Hl7v2DeidentifierTest.REGISTRATION, s);
        String restored = s.reidentify(out);
        assertTrue(restored.contains("PID|1||MRN100991^^^MRH^MR~123-45-6789^^^SSA^SS||Testpatient^Alma^Rose^^Ms.^^L"), restored);
    }

    @Test
    void tokensOfAnotherSessionAndOrdinaryBracketsAreLeftAlone() {
        DeidentificationSession one = session();
        DeidentificationSession two = session();
        String token = one.pseudonym(IdentifierKind.NAME, "Testpatient");
        String text = "See " + token + " [NOTE-1] [sic]";
        assertEquals(text, two.reidentify(text));
        assertEquals("See Testpatient [NOTE-1] [sic]", one.reidentify(text));
    }

    @Test
    void toStringShowsCountsNeverValues() {
        DeidentificationSession s = session();
        freeText.deidentify("Patient: Alma Testpatient, MRN 100991, DOB 03/17/1961", s);
        String shown = s.toString() + s.report();
        assertFalse(shown.contains("Alma") || shown.contains("100991") || shown.contains("1961"), shown);
        assertTrue(shown.contains("NAME=2"), shown);
        assertTrue(shown.contains("MRN=1"), shown);
    }

    @Test
    void theSessionCannotBeSerializedOut() {
        assertFalse(Serializable.class.isAssignableFrom(DeidentificationSession.class));
    }

    @Test
    void reportCountsEachKindRemoved() {
        DeidentificationSession s = session();
        freeText.deidentify("Mr. Rolf Testpatient, 217-555-0145, fax 217-555-0146, 92 yo, seen 11/04/2026, Springfield, IL 62704", s);
        DeidentificationReport report = s.report();
        assertEquals(2, report.count(IdentifierKind.NAME));
        assertEquals(1, report.count(IdentifierKind.PHONE));
        assertEquals(1, report.count(IdentifierKind.FAX));
        assertEquals(1, report.count(IdentifierKind.AGE));
        assertEquals(1, report.count(IdentifierKind.DATE));
        assertEquals(1, report.count(IdentifierKind.CITY));
        assertEquals(1, report.count(IdentifierKind.ZIP));
        assertEquals(8, report.total());
        assertEquals("A", IdentifierKind.NAME.safeHarborItem());
    }
}
