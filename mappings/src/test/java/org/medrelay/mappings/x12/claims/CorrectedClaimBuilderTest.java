package org.medrelay.mappings.x12.claims;

import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.SequentialControlNumbers;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.RemittanceReader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replacement claims for the denials of the 835 sample, built from the claims of the 837P sample: each validates
 * against the 837P (or 837I) schema, with CLM05-3 7 and REF*F8 the payer claim control number.
 */
class CorrectedClaimBuilderTest {

    private static final String CLAIMS = "837/837P-claims-on-file.x12";
    private final CorrectedClaimBuilder builder = new CorrectedClaimBuilder(new SequentialControlNumbers(500),
            Clock.fixed(Instant.parse("2026-11-24T09:15:00Z"), ZoneOffset.UTC));

    private static String remittance() {
        return new String(ClaimReaderTest.sample("835/835-denials-every-category.x12"), StandardCharsets.ISO_8859_1);
    }

    private static ClaimPayment denial(String remittanceText, String patientControlNumber) {
        List<ClaimPayment> claims = new ArrayList<>();
        try {
            new RemittanceReader().read(new ByteArrayInputStream(remittanceText.getBytes(StandardCharsets.ISO_8859_1)),
                    (advice, claim) -> claims.add(claim));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return claims.stream().filter(c -> c.patientControlNumber().equals(patientControlNumber)).findFirst().orElseThrow();
    }

    private static X12ValidationReport validate(CorrectedClaim corrected) {
        try {
            return new X12Validator().validate(new ByteArrayInputStream(corrected.x12()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClaimOnFile readBack(CorrectedClaim corrected) {
        List<ClaimOnFile> claims = ClaimReaderTest.read(corrected.x12());
        assertEquals(1, claims.size());
        return claims.get(0);
    }

    @Test
    void aReplacementValidatesAgainstX222A1WithFrequencySevenAndThePayerClaimControlNumber() {
        ClaimOnFile onFile = ClaimReaderTest.claim(CLAIMS, "RESUB-1003");

        CorrectedClaim corrected = builder.build(onFile, denial(remittance(), "RESUB-1003"));

        X12ValidationReport report = validate(corrected);
        assertTrue(report.valid(), String.join("\n", report.describe()) + "\n" + corrected.text());
        assertEquals("005010X222A1", report.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
        ClaimOnFile replacement = readBack(corrected);
        assertEquals("7", replacement.frequencyCode());
        assertEquals(java.util.Optional.of("PCN0000000003"), replacement.payerClaimControlNumber());
        assertEquals(onFile.lines(), replacement.lines());
        assertEquals(onFile.diagnosisCodes(), replacement.diagnosisCodes());
        assertEquals(onFile.subscriber(), replacement.subscriber());
        assertTrue(corrected.text().contains("CLM*RESUB-1003*300***11:B:7*Y*A*Y*Y~\nREF*F8*PCN0000000003~\nREF*G1*AUTH0003~\n"), corrected.text());
        assertTrue(corrected.text().startsWith("ISA*00*          *00*          *ZZ*MEDRELAY01     *ZZ*CLEARHOUSE01   *261124*0915*^*00501*000000500*0*P*:~\n"
                + "GS*HC*MEDRELAY01*CLEARHOUSE01*20261124*0915*500*X*005010X222A1~\nST*837*0500*005010X222A1~\nBHT*0019*00*R0500*20261124*0915*CH~\n"), corrected.text());
    }

    @Test
    void aDenialWithNoMechanicalChangeIsFlaggedWithItsCodesAndWhereToLook() {
        CorrectedClaim corrected = builder.build(ClaimReaderTest.claim(CLAIMS, "RESUB-1003"), denial(remittance(), "RESUB-1003"));

        assertEquals(List.of(), corrected.changes());
        assertEquals(List.of(
                "CARC 16: Information is missing or wrong: the remark codes say what; correct it and resubmit. Where: 2300, 2400.",
                "RARC MA130: The claim was unprocessable as sent: fix what the other remark codes name; a corrected claim, not an appeal. Where: 2300."),
                corrected.flags());
        assertFalse(corrected.complete());
    }

    @Test
    void aCorrectedInsuredNameAndMemberIdFromTheRemittanceAreWrittenIntoTheSubscriber() {
        String text = remittance().replace("CAS*CO*16*300~", "CAS*CO*140*300~")
                .replace("NM1*QC*1*SAMPLEPATIENT*TEST****MI*W100000003~", "NM1*QC*1*SAMPLEPATIENT*TEST****MI*W100000003~\nNM1*74*1*SAMPLEPATIENTE*TESS****C*W100000093~")
                .replace("MOA***MA130~\n", "");

        CorrectedClaim corrected = builder.build(ClaimReaderTest.claim(CLAIMS, "RESUB-1003"), denial(text, "RESUB-1003"));

        assertTrue(validate(corrected).valid(), String.join("\n", validate(corrected).describe()));
        ClaimPerson subscriber = readBack(corrected).subscriber();
        assertEquals("SAMPLEPATIENTE", subscriber.lastName());
        assertEquals("TESS", subscriber.firstName());
        assertEquals("W100000093", subscriber.memberId());
        assertEquals(List.of("CARC 140: 2010BA NM1*IL insured name SAMPLEPATIENT, TEST -> SAMPLEPATIENTE, TESS, member id W100000003 -> W100000093, "
                + "as the payer returned it (NM1*74)."), corrected.changes());
        assertTrue(corrected.complete(), corrected.flags().toString());
    }

    @Test
    void aCorrectedMemberIdAloneChangesOnlyTheMemberId() {
        String text = remittance().replace("MOA***MA130~", "MOA***MA61~")
                .replace("NM1*QC*1*SAMPLEPATIENT*TEST****MI*W100000003~", "NM1*QC*1*SAMPLEPATIENT*TEST****MI*W100000003~\nNM1*74*1******C*W100000093~");

        CorrectedClaim corrected = builder.build(ClaimReaderTest.claim(CLAIMS, "RESUB-1003"), denial(text, "RESUB-1003"));

        ClaimPerson subscriber = readBack(corrected).subscriber();
        assertEquals("SAMPLEPATIENT", subscriber.lastName());
        assertEquals("W100000093", subscriber.memberId());
        assertEquals(List.of("RARC MA61: 2010BA NM1*IL member id W100000003 -> W100000093, as the payer returned it (NM1*74)."), corrected.changes());
        assertTrue(validate(corrected).valid());
    }

    @Test
    void anIdentityDenialWithoutCorrectedDataIsFlaggedAndTheSubscriberLeftAsSent() {
        String text = remittance().replace("CAS*CO*16*300~", "CAS*CO*31*300~").replace("MOA***MA130~\n", "");

        CorrectedClaim corrected = builder.build(ClaimReaderTest.claim(CLAIMS, "RESUB-1003"), denial(text, "RESUB-1003"));

        assertEquals("W100000003", readBack(corrected).subscriber().memberId());
        assertEquals(List.of("CARC 31: The payer could not identify the patient as its insured: use the name and member id the payer has on file. "
                + "The 835 returned no corrected name or id (NM1*74). Where: 2010BA NM103-NM105, NM109."), corrected.flags());
    }

    @Test
    void anotherPayerNamedByTheRemittanceIsFlaggedNotWrittenIntoTheReplacement() {
        String text = remittance().replace("CAS*CO*16*300~", "CAS*CO*109*300~").replace("MOA***MA130~\n", "")
                .replace("NM1*QC*1*SAMPLEPATIENT*TEST****MI*W100000003~", "NM1*QC*1*SAMPLEPATIENT*TEST****MI*W100000003~\nNM1*PR*2*OTHER TEST PLAN*****PI*77777~");

        CorrectedClaim corrected = builder.build(ClaimReaderTest.claim(CLAIMS, "RESUB-1003"), denial(text, "RESUB-1003"));

        assertEquals("99999", readBack(corrected).payerId());
        assertEquals(List.of("CARC 109: This payer does not cover the claim: send an original claim to the payer it names, not a replacement to this one. "
                + "The 835 names OTHER TEST PLAN (PI 77777). Where: 2010BB NM1*PR."), corrected.flags());
    }

    @Test
    void lineLevelCodesNameTheLinesTheyAreOn() {
        String text = remittance().replace("CAS*CO*50*400~\nLQ*HE*N115~", "CAS*CO*4*400~\nLQ*HE*M51~");

        CorrectedClaim corrected = builder.build(ClaimReaderTest.claim(CLAIMS, "APPEAL-1004"), denial(text, "APPEAL-1004"));

        assertEquals(List.of(
                "CARC 4: The procedure and its modifier do not agree, or a required modifier is missing: check the line's modifiers. Where: 2400 SV101-3 to SV101-6. Lines: 97110.",
                "RARC M51: The procedure code is missing or invalid on the line(s) named: check it against the documentation. Where: 2400 SV101-2. Lines: 97110."),
                corrected.flags());
    }

    @Test
    void aDependentPatientsClaimKeepsItsThreeLevelsRenumberedAndValidates() {
        CorrectedClaim corrected = builder.build(ClaimReaderTest.claim(CLAIMS, "APPEAL-1004"), denial(remittance(), "APPEAL-1004"));

        assertTrue(validate(corrected).valid(), String.join("\n", validate(corrected).describe()));
        assertTrue(corrected.text().contains("HL*1**20*1~\n") && corrected.text().contains("HL*2*1*22*1~\n") && corrected.text().contains("HL*3*2*23*0~\n"),
                corrected.text());
        ClaimOnFile replacement = readBack(corrected);
        assertEquals("DEMOPATIENT", replacement.patient().lastName());
        assertEquals("7", replacement.frequencyCode());
        assertEquals(List.of("No correction is known for CARC 50, RARC N115: read the denial against the claim and change what it asks before approving."),
                corrected.flags());
    }

    @Test
    void anInstitutionalReplacementValidatesAgainstX223A2() {
        ClaimOnFile inpatient = ClaimReaderTest.read(ClaimReaderTest.sample("837/837I-inpatient.x12")).get(0);
        String text = remittance().replace("CLP*RESUB-1003*", "CLP*INPT-2001*");

        CorrectedClaim corrected = builder.build(inpatient, denial(text, "INPT-2001"));

        X12ValidationReport report = validate(corrected);
        assertTrue(report.valid(), String.join("\n", report.describe()) + "\n" + corrected.text());
        assertEquals("005010X223A2", report.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
        assertTrue(corrected.text().contains("CLM*INPT-2001*1250***11:A:7**A*Y*Y~\nDTP*434*RD8*20261020-20261023~\nDTP*435*DT*202610200800~\nCL1*1*7*01~\nREF*F8*PCN0000000003~\nHI*ABK:I214~\n"),
                corrected.text());
    }

    @Test
    void aDenialOfAnotherClaimIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> builder.build(ClaimReaderTest.claim(CLAIMS, "RESUB-1003"), denial(remittance(), "APPEAL-1004")));
    }
}
