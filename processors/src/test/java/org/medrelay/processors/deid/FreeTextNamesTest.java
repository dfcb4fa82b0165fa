package org.medrelay.processors.deid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.session;

/** Names in free text: after titles and labels, and the names the same request's structured fields gave. */
class FreeTextNamesTest {

    private final FreeTextDeidentifier freeText = new FreeTextDeidentifier();

    @Test
    void namesAfterATitleAreReplacedWordByWord() {
        String out = freeText.deidentify("Seen with Mrs. Greta Testperson and Dr. Dana Doctor today.", session());
        assertTrue(out.matches("Seen with Mrs\\. \\[NAME-\\d+] \\[NAME-\\d+] and Dr\\. \\[NAME-\\d+] \\[NAME-\\d+] today\\."), out);
    }

    @Test
    void namesAfterALabelIncludingLastCommaFirst() {
        String out = freeText.deidentify("Patient: Alma R. Testpatient\nGuarantor: Testpatient, Rolf\nEmployer: Acme Widget Works", session());
        assertFalse(out.contains("Testpatient") || out.contains("Alma") || out.contains("Rolf") || out.contains("Acme"), out);
        assertTrue(out.startsWith("Patient: [NAME-"), out);
    }

    @Test
    void aTitledNameIsCaughtAgainWithoutItsTitleLaterInTheText() {
        DeidentificationSession s = session();
        String out = freeText.deidentify("Ms. Testperson called. Testperson will call back.", s);
        assertTrue(out.matches("Ms\\. (\\[NAME-\\d+]) called\\. \\1 will call back\\."), out);
    }

    @Test
    void namesFromTheStructuredFieldsOfTheRequestAreFoundAnywhere() {
        DeidentificationSession s = session();
        String family = s.pseudonymName("Testpatient");
        String given = s.pseudonymName("Alma");
        String out = freeText.deidentify("Alma Testpatient called; TESTPATIENT, ALMA is on the list.", s);
        assertEquals(given + " " + family + " called; " + family + ", " + given + " is on the list.", out);
    }

    @Test
    void hyphenatedFamilyNamesAreKnownByEachPart() {
        DeidentificationSession s = session();
        s.pseudonymName("Müller-Testperson");
        String out = freeText.deidentify("Frau Müller-Testperson, called Testperson by staff", s);
        assertFalse(out.contains("Müller") || out.contains("Testperson"), out);
    }

    @Test
    void aNameThatIsAlsoAnOrdinaryWordIsReplacedOnlyWhereCapitalized() {
        DeidentificationSession s = session();
        String token = s.pseudonymName("May");
        String out = freeText.deidentify("May asked if she may stop the statin.", s);
        assertEquals(token + " asked if she may stop the statin.", out);
    }

    @Test
    void anEmployerIsOneNameAndItsWordsStayOrdinaryWords() {
        String out = freeText.deidentify("Employer: Acme Widget Works. Works nights; Acme Widget Works pays.", session());
        assertTrue(out.matches("Employer: (\\[NAME-\\d+])\\. Works nights; \\1 pays\\."), out);
    }

    @Test
    void wordsNamedLikeALabelInsideAPhraseAreNotNames() {
        String text = "Test Name: Hemoglobin A1c";
        assertEquals(text, freeText.deidentify(text, session()));
    }
}
