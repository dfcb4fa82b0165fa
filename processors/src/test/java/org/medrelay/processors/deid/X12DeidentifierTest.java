package org.medrelay.processors.deid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.session;

/** X12 segments by loop: a synthetic 271 eligibility response and an 837P claim. */
class X12DeidentifierTest {

    static final String ELIGIBILITY_271 = String.join("~\n",
            "ISA*00*          *00*          *ZZ*PAYERX         *ZZ*MEDRELAY       *261124*0930*^*00501*000000991*0*T*:",
            "GS*HB*PAYERX*MEDRELAY*20261124*0930*991*X*005010X279A1",
            "ST*271*0001*005010X279A1",
            "BHT*0022*11*TRACE991*20261124*0930",
            "HL*1**20*1",
            "NM1*PR*2*ACME HEALTH PLAN*****PI*99999",
            "PER*IC*PAYER HELPDESK*TE*8005550100",
            "HL*2*1*21*1",
            "NM1*1P*1*DOCTOR*DANA****XX*1234567890",
            "HL*3*2*22*0",
            "TRN*2*TRACE0991*9MEDRELAY",
            "NM1*IL*1*TESTPATIENT*ALMA*R***MI*XK55991",
            "REF*SY*123456789",
            "REF*6P*GRP7788*ACME WIDGET WORKS",
            "N3*1428 QUILLFEATHER LANE*APT 4B",
            "N4*SPRINGFIELD*IL*627041234",
            "PER*IC*ROLF TESTPATIENT*TE*2175550145*EM*ALMA.TESTPATIENT@EXAMPLE.ORG",
            "DMG*D8*19610317*F",
            "DTP*346*D8*20260101",
            "EB*1**30**GOLD PPO",
            "MSG*ALMA TESTPATIENT MUST CALL 217-555-0142 BEFORE 12/01/2026",
            "SE*19*0001",
            "GE*1*991",
            "IEA*1*000000991") + "~\n";

    static final String CLAIM_837 = String.join("~",
            "ISA*00*          *00*          *ZZ*MEDRELAY       *ZZ*PAYERX         *261124*0930*^*00501*000000992*0*T*:",
            "GS*HC*MEDRELAY*PAYERX*20261124*0930*992*X*005010X222A1",
            "ST*837*0002*005010X222A1",
            "BHT*0019*00*CLM992*20261124*0930*CH",
            "NM1*41*2*PREMIER BILLING SERVICE*****46*TGJ23",
            "PER*IC*BILLING DESK*TE*2175550100",
            "NM1*40*2*ACME HEALTH PLAN*****46*99999",
            "HL*1**20*1",
            "NM1*85*2*MRH CLINIC*****XX*1912301953",
            "N3*500 HOSPITAL DRIVE",
            "N4*SPRINGFIELD*IL*62701",
            "REF*EI*587654321",
            "HL*2*1*22*1",
            "SBR*P**GRP7788******CI",
            "NM1*IL*1*TESTPATIENT*ROLF****MI*XK55990",
            "HL*3*2*23*0",
            "PAT*01",
            "NM1*QC*1*TESTPATIENT*ALMA",
            "N3*1428 QUILLFEATHER LANE",
            "N4*SPRINGFIELD*IL*62704",
            "DMG*D8*19310211*F",
            "CLM*ACCT9991*100.00***11:B:1*Y*A*Y*I",
            "REF*D9*17312345600006351",
            "REF*EA*MRN100991",
            "NTE*ADD*PATIENT ALMA TESTPATIENT FELL AT HOME ON 11/01/2026",
            "HI*ABK:S0990XA",
            "LX*1",
            "SV1*HC:99213*100.00*UN*1***1",
            "DTP*472*D8*20261103",
            "SE*25*0002",
            "GE*1*992",
            "IEA*1*000000992") + "~";

    private final X12Deidentifier x12 = new X12Deidentifier();

    private static String segment(String interchange, String prefix) {
        for (String segment : interchange.split("~\n?")) {
            if (segment.startsWith(prefix)) {
                return segment;
            }
        }
        throw new AssertionError("no segment " + prefix);
    }

    @Test
    void subscriberNameAndMemberIdAreReplacedInNm1() {
        String out = x12.deidentify(ELIGIBILITY_271, session());
        assertTrue(segment(out, "NM1*IL").matches("NM1\\*IL\\*1\\*\\[NAME-\\d+]\\*\\[NAME-\\d+]\\*\\[NAME-\\d+]\\*\\*\\*MI\\*\\[MEMBER-\\d+]"),
                segment(out, "NM1*IL"));
    }

    @Test
    void payerStaysAndPractitionerIsReplacedByDefault() {
        String out = x12.deidentify(ELIGIBILITY_271, session());
        assertEquals("NM1*PR*2*ACME HEALTH PLAN*****PI*99999", segment(out, "NM1*PR"));
        assertEquals("PER*IC*PAYER HELPDESK*TE*8005550100", segment(out, "PER*IC*PAYER"));
        assertTrue(segment(out, "NM1*1P").matches("NM1\\*1P\\*1\\*\\[NAME-\\d+]\\*\\[NAME-\\d+]\\*\\*\\*\\*XX\\*\\[ID-\\d+]"));
    }

    @Test
    void subscriberAddressContactsAndReferencesAreReplaced() {
        String out = x12.deidentify(ELIGIBILITY_271, session());
        assertTrue(segment(out, "N3").matches("N3\\*\\[STREET-\\d+]\\*\\[STREET-\\d+]"));
        assertTrue(segment(out, "N4").matches("N4\\*\\[CITY-\\d+]\\*IL\\*627"), segment(out, "N4"));
        assertTrue(segment(out, "PER*IC*[").matches("PER\\*IC\\*\\[NAME-\\d+]\\*TE\\*\\[PHONE-\\d+]\\*EM\\*\\[EMAIL-\\d+]"));
        assertTrue(segment(out, "REF*SY").matches("REF\\*SY\\*\\[SSN-\\d+]"));
        assertTrue(segment(out, "REF*6P").matches("REF\\*6P\\*\\[ID-\\d+]\\*\\[NAME-\\d+] \\[NAME-\\d+] \\[NAME-\\d+]")
                || segment(out, "REF*6P").startsWith("REF*6P*[ID-"), segment(out, "REF*6P"));
    }

    @Test
    void birthDateKeepsTheD8ShapeWithTheYearOnly() {
        assertEquals("DMG*D8*19610101*F", segment(x12.deidentify(ELIGIBILITY_271, session()), "DMG"));
        assertEquals("DMG*D8**F", segment(x12.deidentify(CLAIM_837, session()), "DMG"), "a birth date over 89 years back");
    }

    @Test
    void envelopeAndTraceNumberStayAsSent() {
        String out = x12.deidentify(ELIGIBILITY_271, session());
        for (String kept : new String[] {"ISA*", "GS*", "ST*", "TRN*", "SE*", "GE*", "IEA*"}) {
            assertEquals(segment(ELIGIBILITY_271, kept), segment(out, kept), kept);
        }
        assertTrue(out.endsWith("IEA*1*000000991~\n"));
    }

    @Test
    void messageTextGoesThroughTheFreeTextPass() {
        String out = x12.deidentify(ELIGIBILITY_271, session());
        assertTrue(segment(out, "MSG").matches("MSG\\*\\[NAME-\\d+] \\[NAME-\\d+] MUST CALL \\[PHONE-\\d+] BEFORE 2026"), segment(out, "MSG"));
    }

    @Test
    void claimPatientControlNumberMedicalRecordAndClaimNotesAreReplaced() {
        String out = x12.deidentify(CLAIM_837, session());
        assertTrue(segment(out, "CLM").startsWith("CLM*[ACCOUNT-"), segment(out, "CLM"));
        assertTrue(segment(out, "REF*D9").matches("REF\\*D9\\*\\[ID-\\d+]"));
        assertTrue(segment(out, "REF*EA").matches("REF\\*EA\\*\\[MRN-\\d+]"));
        assertTrue(segment(out, "NTE").matches("NTE\\*ADD\\*PATIENT \\[NAME-\\d+] \\[NAME-\\d+] FELL AT HOME ON 2026"), segment(out, "NTE"));
        assertEquals("DTP*472*D8*20260101", segment(out, "DTP*472"));
    }

    @Test
    void billingProviderAndSubmitterStay() {
        String out = x12.deidentify(CLAIM_837, session());
        assertEquals("NM1*85*2*MRH CLINIC*****XX*1912301953", segment(out, "NM1*85"));
        assertEquals("N3*500 HOSPITAL DRIVE", segment(out, "N3*500"));
        assertEquals("REF*EI*587654321", segment(out, "REF*EI"));
        assertEquals("NM1*41*2*PREMIER BILLING SERVICE*****46*TGJ23", segment(out, "NM1*41"));
    }

    @Test
    void differentDelimitersAreReadFromTheIsa() {
        String pipes = CLAIM_837.replace('*', '|').replace("~", "\r\n").replace("11:B:1", "11>B>1")
                .replaceFirst("\\|\\^\\|00501", "|^|00501").replace("|T|:", "|T|>");
        String out = x12.deidentify(pipes, session());
        assertTrue(out.contains("NM1|QC|1|[NAME-"), out);
        assertFalse(out.contains("TESTPATIENT"), out);
    }

    @Test
    void enrollmentMemberLoopStartsAtIns() {
        String enrollment = String.join("~",
                "ISA*00*          *00*          *ZZ*EMPLOYER       *ZZ*HEALTHPLAN     *261124*1200*^*00501*000000993*0*T*:",
                "GS*BE*EMPLOYER*HEALTHPLAN*20261124*1200*993*X*005010X220A1",
                "ST*834*0001*005010X220A1",
                "BGN*00*12456*20261124*1200****2",
                "N1*P5*ACME WIDGET WORKS*FI*999888777",
                "N1*IN*ACME HEALTH PLAN*FI*654456654",
                "INS*Y*18*021*28*A***FT",
                "REF*0F*SUB55991",
                "NM1*IL*1*TESTPATIENT*ALMA****34*123456789",
                "DMG*D8*19610317*F",
                "SE*9*0001",
                "GE*1*993",
                "IEA*1*000000993") + "~";
        String out = x12.deidentify(enrollment, session());
        assertTrue(segment(out, "REF*0F").matches("REF\\*0F\\*\\[MEMBER-\\d+]"), segment(out, "REF*0F"));
        assertTrue(segment(out, "N1*P5").matches("N1\\*P5\\*\\[NAME-\\d+]\\*FI\\*\\[ID-\\d+]"), "the sponsor is the employer");
        assertEquals("N1*IN*ACME HEALTH PLAN*FI*654456654", segment(out, "N1*IN"));
        assertTrue(segment(out, "NM1*IL").matches(".*\\*34\\*\\[SSN-\\d+]"), segment(out, "NM1*IL"));
    }

    @Test
    void textWithoutAnIsaIsRefused() {
        assertThrows(DeidentificationException.class, () -> x12.deidentify("ST*270*0001~NM1*IL*1*TESTPATIENT~", session()));
    }
}
