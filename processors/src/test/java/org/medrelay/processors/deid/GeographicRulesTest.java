package org.medrelay.processors.deid;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.session;

/** Safe Harbor B: subdivisions smaller than a state, in free text and structured addresses. */
class GeographicRulesTest {

    private final FreeTextDeidentifier freeText = new FreeTextDeidentifier();
    private final ZipCodeRule zipCodes = new ZipCodeRule();

    @Test
    void streetAddressWithSuffixAndUnitBecomesAStreetPseudonym() {
        String out = freeText.deidentify("Lives at 1428 N Quillfeather Lane Apt 4B with her son.", session());
        assertTrue(out.matches("Lives at \\[STREET-\\d+] with her son\\."), out);
    }

    @Test
    void poBoxIsAStreetAddress() {
        String out = freeText.deidentify("Mail to P.O. Box 4411 please", session());
        assertTrue(out.matches("Mail to \\[STREET-\\d+] please"), out);
    }

    @Test
    void cityBeforeStateAndZipIsReplacedAndTheZipCutToThreeDigits() {
        DeidentificationSession s = session();
        String out = freeText.deidentify("Springfield, IL 62704-1234", s);
        assertTrue(out.matches("\\[CITY-\\d+], IL 627"), out);
        assertEquals(1, s.report().count(IdentifierKind.ZIP));
    }

    @Test
    void zipCodeAfterTheWordZip() {
        assertEquals("zip code 627.", freeText.deidentify("zip code 62704.", session()));
    }

    @Test
    void restrictedThreeDigitZipAreasBecome000() {
        assertEquals("000", zipCodes.firstThreeDigits("03601"));
        assertEquals("000", zipCodes.firstThreeDigits("89301-0001"));
        assertEquals("000", zipCodes.firstThreeDigits("82301"));
        assertEquals("627", zipCodes.firstThreeDigits("62704"));
        assertEquals("Burlington, VT 000", freeText.deidentify("Burlington, VT 05901", session()).replaceAll("\\[CITY-\\d+]", "Burlington"));
    }

    @Test
    void everyPrefixOfTheHhsListIsRestricted() {
        for (String prefix : "036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893".split(" ")) {
            assertEquals("000", zipCodes.firstThreeDigits(prefix + "01"), prefix);
        }
    }

    @Test
    void countyNamesAreReplaced() {
        String out = freeText.deidentify("Resident of Sangamon County since 2001.", session());
        assertTrue(out.matches("Resident of \\[COUNTY-\\d+] County since 2001\\."), out);
    }

    @Test
    void stateAloneStays() {
        String text = "Moved from Illinois to TX last year.";
        assertEquals(text, freeText.deidentify(text, session()));
    }

    @Test
    void hl7AddressKeepsStateCountryAndZipPrefix() {
        DeidentificationSession s = session();
        String out = new Hl7v2Deidentifier().deidentify(
                "MSH|^~\\&|A|B|C|D|20261104||ADT^A04|1|P|2.5.1\rPID|1||X1||Doe^Jane||||||1428 Quillfeather Lane^Apt 4B^Springfield^IL^62704^USA^H^^17167^0022",
                s);
        String pid11 = out.split("\r")[1].split("\\|", -1)[11];
        assertTrue(pid11.matches("\\[STREET-\\d+]\\^\\[STREET-\\d+]\\^\\[CITY-\\d+]\\^IL\\^627\\^USA\\^H\\^\\^\\^"), pid11);
        assertEquals(2, s.report().count(IdentifierKind.COUNTY));
    }

    @Test
    void fhirAddressKeepsStateAndZipPrefix() {
        Patient patient = new Patient();
        patient.addAddress().addLine("1428 Quillfeather Lane").setCity("Springfield").setDistrict("Sangamon")
                .setState("IL").setPostalCode("62704").setText("1428 Quillfeather Lane, Springfield, IL 62704");
        Address out = new FhirDeidentifier().deidentify(patient, session()).getAddressFirstRep();
        assertTrue(out.getLine().get(0).getValue().matches("\\[STREET-\\d+]"));
        assertTrue(out.getCity().matches("\\[CITY-\\d+]"));
        assertNull(out.getDistrict());
        assertEquals("IL", out.getState());
        assertEquals("627", out.getPostalCode());
        assertFalse(out.getText().contains("Quillfeather"), out.getText());
    }
}
