package org.medrelay.processors.deid;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.containsWord;
import static org.medrelay.processors.deid.TestSessions.session;
import static org.medrelay.processors.deid.TestSessions.withoutPseudonyms;

/** HL7v2 messages, field by field: the synthetic samples of test-data and a registration made up to hold every PID field. */
class Hl7v2DeidentifierTest {

    static final String REGISTRATION = String.join("\r",
            "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261104091500||ADT^A04^ADT_A01|MSG00991|P|2.5.1",
            "EVN|A04|20261104091500",
            "PID|1||MRN100991^^^MRH^MR~123-45-6789^^^SSA^SS||Testpatient^Alma^Rose^^Ms.^^L|Maidenname^Greta|19610317|F"
                    + "|Aliasname^Alma||1428 Quillfeather Lane^Apt 4B^Springfield^IL^62704^USA^H|SANGAMON"
                    + "|^PRN^PH^^1^217^5550142~^NET^Internet^alma.testpatient@example.org~^WPN^FX^^1^217^5550143"
                    + "|^WPN^PH^^1^217^5550144^12||||ACCT9991^^^MRH^AN|123-45-6789|IL-T123-4567-8901^IL^20300317",
            "NK1|1|Testpatient^Rolf^^^Mr.|SPO^Spouse^HL70063|1428 Quillfeather Lane^^Springfield^IL^62704|^PRN^PH^^1^217^5550145",
            "PV1|1|O|CLINIC^101^A^MRH||||1234567890^Doctor^Dana^^^^MD^^NPI|||MED|||||||||V0991^^^MRH^VN"
                    + "|||||||||||||||||||||||||20261104090000",
            "GT1|1|G0991^^^MRH|Testpatient^Rolf||1428 Quillfeather Lane^^Springfield^IL^62704|^PRN^PH^^1^217^5550145||19590802|M"
                    + "||SPO|987-65-4321||||Acme Widget Works",
            "IN1|1|BCBSPPO|60054^Aetna|Aetna Health Inc|PO Box 981106^^El Paso^TX^79998||^^^^^888^5550199|GRP7788"
                    + "|Acme Widget Works||||||PPO Gold|Testpatient^Alma^Rose|SEL|19610317"
                    + "|1428 Quillfeather Lane^^Springfield^IL^62704|||||||||||||||||POL55501|||||||||||||XK55991^^^AET^MB",
            "IN2|1|EMP4411|987-65-4321",
            "OBX|1|TX|11506-3^Progress note^LN||Alma Testpatient called from 217-555-0142 about her refill.||||||F|||20261104",
            "NTE|1||Mrs. Testpatient lives at 1428 Quillfeather Lane, Springfield, IL 62704; daughter Greta (greta.t@example.net)"
                    + " may pick up.",
            "ZPI|1|MRN100991|Testpatient");

    private final Hl7v2Deidentifier hl7 = new Hl7v2Deidentifier();

    private static String field(String message, String segment, int number) {
        for (String line : message.split("\r")) {
            if (line.startsWith(segment + "|")) {
                String[] fields = line.split("\\|", -1);
                int index = segment.equals("MSH") ? number - 1 : number;
                return index < fields.length ? fields[index] : "";
            }
        }
        throw new AssertionError("no " + segment);
    }

    @Test
    void patientNamesAndAliasesAreReplacedButPrefixAndTypeStay() {
        String out = hl7.deidentify(REGISTRATION, session());
        assertTrue(field(out, "PID", 5).matches("\\[NAME-\\d+]\\^\\[NAME-\\d+]\\^\\[NAME-\\d+]\\^\\^Ms\\.\\^\\^L"), field(out, "PID", 5));
        assertTrue(field(out, "PID", 6).matches("\\[NAME-\\d+]\\^\\[NAME-\\d+]"));
        assertTrue(field(out, "PID", 9).startsWith("[NAME-"));
    }

    @Test
    void identifierKindFollowsTheIdentifierTypeCode() {
        String out = hl7.deidentify(REGISTRATION, session());
        assertTrue(field(out, "PID", 3).matches("\\[MRN-\\d+]\\^\\^\\^MRH\\^MR~\\[SSN-\\d+]\\^\\^\\^SSA\\^SS"), field(out, "PID", 3));
        assertTrue(field(out, "PID", 18).matches("\\[ACCOUNT-\\d+]\\^\\^\\^MRH\\^AN"));
        assertTrue(field(out, "PID", 19).matches("\\[SSN-\\d+]"));
        assertTrue(field(out, "PID", 20).matches("\\[LICENSE-\\d+]\\^IL\\^2030"), field(out, "PID", 20));
        assertEquals(field(out, "PID", 19), field(out, "PID", 3).split("~")[1].split("\\^")[0], "same SSN, same pseudonym");
    }

    @Test
    void phoneFaxAndEmailInXtnRepetitions() {
        String out = hl7.deidentify(REGISTRATION, session());
        String[] telecom = field(out, "PID", 13).split("~");
        assertTrue(telecom[0].matches("\\^PRN\\^PH\\^\\^1\\^\\^\\[PHONE-\\d+]"), telecom[0]);
        assertTrue(telecom[1].matches("\\^NET\\^Internet\\^\\[EMAIL-\\d+]"), telecom[1]);
        assertTrue(telecom[2].matches("\\^WPN\\^FX\\^\\^1\\^\\^\\[FAX-\\d+]"), telecom[2]);
        assertTrue(field(out, "PID", 14).matches("\\^WPN\\^PH\\^\\^1\\^\\^\\[PHONE-\\d+]\\^"), "extension removed: " + field(out, "PID", 14));
    }

    @Test
    void countyCodeIsRemoved() {
        assertEquals("", field(hl7.deidentify(REGISTRATION, session()), "PID", 12));
    }

    @Test
    void nextOfKinGuarantorAndInsuredAreDeidentifiedLikeThePatient() {
        String out = hl7.deidentify(REGISTRATION, session());
        assertTrue(field(out, "NK1", 2).matches("\\[NAME-\\d+]\\^\\[NAME-\\d+]\\^\\^\\^Mr\\."));
        assertTrue(field(out, "GT1", 2).startsWith("[ACCOUNT-"));
        assertTrue(field(out, "GT1", 12).startsWith("[SSN-"));
        assertTrue(field(out, "GT1", 16).startsWith("[NAME-"), "employer name");
        assertEquals("1959", field(out, "GT1", 8));
        assertTrue(field(out, "IN1", 8).startsWith("[ID-"), "group number");
        assertTrue(field(out, "IN1", 36).startsWith("[MEMBER-"), "policy number");
        assertTrue(field(out, "IN1", 49).startsWith("[MEMBER-"), "insured's id");
        assertEquals("Aetna Health Inc", field(out, "IN1", 4), "the payer is not PHI");
        assertEquals("PO Box 981106^^El Paso^TX^79998", field(out, "IN1", 5));
        assertTrue(field(out, "IN2", 2).startsWith("[SSN-"));
    }

    @Test
    void visitNumberAndPractitionersAreReplacedByDefault() {
        String out = hl7.deidentify(REGISTRATION, session());
        assertTrue(field(out, "PV1", 19).matches("\\[ID-\\d+]\\^\\^\\^MRH\\^VN"));
        assertTrue(field(out, "PV1", 7).matches("\\[ID-\\d+]\\^\\[NAME-\\d+]\\^\\[NAME-\\d+]\\^\\^\\^\\^MD\\^\\^NPI"), field(out, "PV1", 7));
        assertEquals("2026", field(out, "PV1", 44));
    }

    @Test
    void practitionersStayWhenThePolicyKeepsThem() {
        DeidentificationSession s = new DeidentificationSession(TestSessions.POLICY.withPractitionerNamesKept());
        String out = hl7.deidentify(REGISTRATION, s);
        assertEquals("1234567890^Doctor^Dana^^^^MD^^NPI", field(out, "PV1", 7));
    }

    @Test
    void messageControlIdAndEnvelopeStay() {
        String out = hl7.deidentify(REGISTRATION, session());
        assertEquals("MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|2026||ADT^A04^ADT_A01|MSG00991|P|2.5.1", out.split("\r")[0]);
    }

    @Test
    void observationTextAndNotesGoThroughTheFreeTextPassWithTheNamesOfPid() {
        DeidentificationSession s = session();
        String out = hl7.deidentify(REGISTRATION, s);
        String family = field(out, "PID", 5).split("\\^")[0];
        String given = field(out, "PID", 5).split("\\^")[1];
        assertTrue(field(out, "OBX", 5).startsWith(given + " " + family + " called from [PHONE-"), field(out, "OBX", 5));
        assertEquals("2026", field(out, "OBX", 14));
        String note = field(out, "NTE", 3);
        assertTrue(note.startsWith("Mrs. " + family + " lives at [STREET-"), note);
        assertTrue(note.contains(", IL 627;"), note);
        assertFalse(note.contains("Greta") || note.contains("example.net"), note);
    }

    @Test
    void anUnlistedSegmentLosesTheKnownMrnAndName() {
        String out = hl7.deidentify(REGISTRATION, session());
        String mrn = field(out, "PID", 3).split("\\^")[0];
        assertEquals("1|" + mrn + "|" + field(out, "PID", 5).split("\\^")[0], out.split("\r")[10].substring(4));
    }

    @Test
    void embeddedImageInObxIsDropped() {
        DeidentificationSession s = session();
        String out = hl7.deidentify("MSH|^~\\&|A|B|C|D|20261104||ORU^R01|7|P|2.5.1\r"
                + "OBX|1|ED|PHOTO^Patient photo^L||^IM^JPEG^Base64^/9j/4AAQSkZJRgABAQ==||||||F", s);
        assertEquals("^IM^JPEG^Base64^", field(out, "OBX", 5));
        assertEquals(1, s.report().count(IdentifierKind.PHOTO));
    }

    @Test
    void escapeSequencesAndSegmentSeparatorsAreKept() {
        String message = "MSH|^~\\&|A|B|C|D|20261104||ORU^R01|7|P|2.5.1\n"
                + "PID|1||X1||O\\T\\Brien^Alma\n"
                + "NTE|1||Line one\\.br\\Alma O\\T\\Brien \\T\\ family, phone 217-555-0142\n";
        String out = hl7.deidentify(message, session());
        assertEquals(3, out.split("\n").length);
        assertTrue(out.endsWith("\n"));
        String note = out.split("\n")[2];
        assertTrue(note.startsWith("NTE|1||Line one\\.br\\[NAME-"), note);
        assertFalse(note.contains("Alma") || note.contains("Brien") || withoutPseudonyms(note).contains("0142"), note);
    }

    @Test
    void syntheticSamplesOfTestDataLoseTheirPatientNamesIdsAndPhones() throws Exception {
        for (String sample : List.of("adt-a04-registration.hl7", "adt-a01-admit-latin1.hl7", "adt-a08-update-utf8.hl7",
                "adt-a03-discharge.hl7", "oru-r01-result-zseg-escapes.hl7", "mdm-t02-document.hl7", "ref-i12-referral.hl7",
                "siu-s12-booked.hl7", "omp-o09-medication-order.hl7", "rde-o11-pharmacy-order.hl7")) {
            String message = TestSessions.sample("hl7v2/" + sample,
                    sample.contains("latin1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            String out = PidValues.withoutMsh(hl7.deidentify(message, session()));
            for (String value : PidValues.of(message)) {
                assertFalse(containsWord(out, value), sample + " still holds " + value + ":\n" + out);
            }
            assertFalse(out.matches("(?s).*217\\D?555\\D?01\\d\\d.*"), sample + " still holds a phone number:\n" + out);
        }
    }

    @Test
    void textThatIsNotAnHl7MessageIsRefusedWithoutQuotingIt() {
        DeidentificationException refused = assertThrows(DeidentificationException.class,
                () -> hl7.deidentify("PID|1||MRN100991||Testpatient^Alma", session()));
        assertFalse(refused.getMessage().contains("Testpatient"));
    }
}
