package org.medrelay.processors.remittance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.remittance.AdjustmentCodeList;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.DenialDecision;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.RemittanceHandler;
import org.medrelay.mappings.x12.remittance.RemittanceReader;
import org.medrelay.processors.review.PatientRef;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The appeal letter draft: everything the 835 says filled in, the provider's parts marked, nothing clinical invented. */
class AppealLettersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    @Test
    void anAppealLetterNamesPayerClaimDatesCodesAndAmountsAndMarksWhatTheProviderWrites() throws Exception {
        String letter = letters(null).letter(followUp("APPEAL-1004"), TODAY).text();

        assertEquals(String.join("\n",
                "2026-11-24",
                "",
                "TEST HEALTH PLAN",
                "Appeals Department",
                "Payer id: 1512345678",
                "",
                "Re: Request for reconsideration of claim APPEAL-1004",
                "Payer claim control number: PCN0000000004",
                "Patient: TEST DEMOPATIENT, member ID W100000004",
                "Dates of service: 2026-11-01 to 2026-11-01",
                "Billing provider: TEST FAMILY PRACTICE, NPI 1234567893",
                "Remittance: trace EFT0000001, dated 2026-11-20",
                "Appeal deadline: 2027-01-19",
                "",
                "The claim was billed at 400.00; the payer paid 0.00 and assigned 0.00 to the",
                "patient. This appeal concerns 400.00.",
                "",
                "The remittance gives these adjustments and remarks:",
                "  - CO-50, 400.00: " + AdjustmentCodeList.shippedCarcs().describe("50", java.util.Optional.of(LocalDate.of(2026, 11, 1))),
                "  - N115: " + AdjustmentCodeList.shippedRarcs().describe("N115", java.util.Optional.of(LocalDate.of(2026, 11, 1))),
                "",
                "Services:",
                "  - 97110-GP on 2026-11-01: billed 400.00, paid 0.00",
                "",
                "The claim was denied (CO-50): " + decision("APPEAL-1004").reason(),
                "",
                "Clinical justification:",
                "[PROVIDER TO WRITE: why the service was necessary and should be covered, from the patient's record, with the",
                "supporting documentation enclosed. MedRelay does not write this part.]",
                "",
                "We ask you to reconsider this decision and reprocess claim APPEAL-1004 for payment.",
                "",
                "Enclosures:",
                "[PROVIDER TO WRITE: the documents enclosed, e.g. the visit notes and the proof named above.]",
                "",
                "Sincerely,",
                "",
                "[PROVIDER TO WRITE: name, title and signature]",
                "TEST FAMILY PRACTICE",
                ""), letter);
    }

    @Test
    void aTimelyFilingLetterAsksForTheProofOfTimelyFilingToo() throws Exception {
        String letter = letters(null).letter(followUp("TIMELY-1007"), TODAY).text();

        assertEquals(4, AppealLetters.placesToWrite(letter).size(), "proof, justification, enclosures, signature: " + letter);
        assertEquals("Re: Appeal of a timely-filing denial of claim TIMELY-1007", letter.lines().filter(l -> l.startsWith("Re:")).findFirst().orElseThrow());
        assertEquals("[PROVIDER TO WRITE: the date the claim was first submitted and the evidence that the payer received it within the",
                letter.lines().dropWhile(l -> !l.equals("Proof of timely filing:")).skip(1).findFirst().orElseThrow());
    }

    @Test
    void anOperatorsTemplateReplacesTheBuiltInOne() throws Exception {
        Files.writeString(dir.resolve("appeal-letter.ftl"), "Appeal ${claim.number} to ${payer.name} by ${deadline}\n");
        assertEquals("Appeal APPEAL-1004 to TEST HEALTH PLAN by 2027-01-19\n", letters(dir).letter(followUp("APPEAL-1004"), TODAY).text());
    }

    private static AppealLetters letters(Path folder) throws Exception {
        return new AppealLetters(folder, AdjustmentCodeList.shippedCarcs(), AdjustmentCodeList.shippedRarcs());
    }

    private static DenialDecision decision(String claim) throws Exception {
        return DenialCategorizer.shipped().categorize(read().claims.get(claim));
    }

    private static ClaimFollowUp followUp(String claim) throws Exception {
        Read read = read();
        ClaimPayment payment = read.claims.get(claim);
        DenialDecision decision = DenialCategorizer.shipped().categorize(payment);
        LocalDate paid = read.advice.paymentDate().orElseThrow();
        return new ClaimFollowUp(7, "835.x12", 4, read.advice, RemittanceInbox.payerId(read.advice), payment, decision, paid,
                paid.plusDays(60), DollarsAtStake.of(payment, decision.category()), "ExplanationOfBenefit/1",
                new PatientRef("Patient/1", "0123456789abcdef01234567"));
    }

    private static Read read() throws Exception {
        Read read = new Read();
        try (InputStream in = AppealLettersTest.class.getResourceAsStream("/medrelay-test-data/x12/835/835-denials-every-category.x12")) {
            new RemittanceReader().read(in, read);
        }
        return read;
    }

    private static final class Read implements RemittanceHandler {
        private RemittanceAdvice advice;
        private final Map<String, ClaimPayment> claims = new HashMap<>();

        @Override
        public void claim(RemittanceAdvice advice, ClaimPayment claim) {
            this.advice = advice;
            claims.put(claim.patientControlNumber(), claim);
        }
    }

}
