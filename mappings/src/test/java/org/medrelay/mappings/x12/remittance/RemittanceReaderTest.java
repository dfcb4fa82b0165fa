package org.medrelay.mappings.x12.remittance;

import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.X12InputException;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 835 read claim by claim into RemittanceAdvice, ClaimPayment, ServiceLinePayment and Adjustment records. */
class RemittanceReaderTest {

    private static final String SAMPLE = "835/835-denials-every-category.x12";

    @Test
    void theHeaderGivesPaymentTraceAndBothParties() {
        RemittanceSamples.Collected read = RemittanceSamples.read(RemittanceSamples.bytes(SAMPLE));

        RemittanceAdvice advice = read.advices.get(0);
        assertEquals("0001", advice.transactionSetControlNumber());
        assertEquals("005010X221A1", advice.guide());
        assertEquals(List.of("I", "C", "ACH"), List.of(advice.handlingCode(), advice.creditDebit(), advice.paymentMethod()));
        assertEquals(new BigDecimal("500.00"), advice.totalPayment());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 20)), advice.paymentDate());
        assertEquals(List.of("EFT0000001", "1512345678"), List.of(advice.traceNumber(), advice.originatorId()));
        assertEquals(new Party("TEST HEALTH PLAN", "", "", ""), advice.payer());
        assertEquals(new Party("TEST FAMILY PRACTICE", "", "XX", "1234567893"), advice.payee());
        assertEquals(8, read.claims.size());
        assertTrue(read.ended.get(0).accepted());
    }

    @Test
    void aClaimCarriesItsAmountsIdsPatientDatesAndLines() {
        ClaimPayment claim = RemittanceSamples.read(RemittanceSamples.bytes(SAMPLE)).claim("PATRESP-1002");

        assertEquals(List.of("1", "12", "PCN0000000002"), List.of(claim.status(), claim.filingIndicator(), claim.payerClaimControlNumber()));
        assertEquals(List.of(new BigDecimal("250"), new BigDecimal("150"), new BigDecimal("60")),
                List.of(claim.billed(), claim.paid(), claim.patientResponsibility()));
        assertEquals(new Party("FAKENAME", "TEST", "MI", "W100000002"), claim.patient());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 1)), claim.statementFrom());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 1)), claim.statementTo());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 5)), claim.received());
        ServiceLinePayment line = claim.lines().get(0);
        assertEquals(List.of("HC", "99214"), List.of(line.procedureQualifier(), line.procedureCode()));
        assertEquals(List.of(new BigDecimal("250"), new BigDecimal("150")), List.of(line.charge(), line.paid()));
        assertEquals(Optional.of(new BigDecimal("210")), line.allowed());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 1)), line.serviceStart());
        // CAS*PR*1*40**2*20: two triples of one segment, then CAS*CO*45*40
        assertEquals(List.of(
                new Adjustment("PR", "1", new BigDecimal("40"), Optional.empty()),
                new Adjustment("PR", "2", new BigDecimal("20"), Optional.empty()),
                new Adjustment("CO", "45", new BigDecimal("40"), Optional.empty())), line.adjustments());
    }

    @Test
    void remarkCodesComeFromMoaAtClaimLevelAndLqOnLines() {
        RemittanceSamples.Collected read = RemittanceSamples.read(RemittanceSamples.bytes(SAMPLE));

        assertEquals(List.of("MA130"), read.claim("RESUB-1003").remarkCodes());
        assertEquals(List.of(new Adjustment("CO", "16", new BigDecimal("300"), Optional.empty())), read.claim("RESUB-1003").adjustments());
        ServiceLinePayment line = read.claim("APPEAL-1004").lines().get(0);
        assertEquals(List.of("N115"), line.remarkCodes());
        assertEquals(List.of("GP"), line.modifiers());
        assertEquals(Optional.of(new BigDecimal("4")), line.units());
    }

    @Test
    void sixTriplesOfOneCasSegmentAndMiaRemarksAreAllRead() {
        String text = new String(RemittanceSamples.bytes(SAMPLE), StandardCharsets.ISO_8859_1)
                .replace("CAS*CO*16*300~", "CAS*CO*16*100*1*18*50**22*50**29*40**50*30**97*30*2~")
                .replace("MOA***MA130~", "MIA*1***0*MA130***************N20*N30~");

        ClaimPayment claim = RemittanceSamples.read(text.getBytes(StandardCharsets.ISO_8859_1)).claim("RESUB-1003");

        assertEquals(List.of("CO-16", "CO-18", "CO-22", "CO-29", "CO-50", "CO-97"), claim.adjustments().stream().map(Adjustment::code).toList());
        assertEquals(Optional.of(BigDecimal.ONE), claim.adjustments().get(0).quantity());
        assertEquals(Optional.of(new BigDecimal("2")), claim.adjustments().get(5).quantity());
        assertEquals(List.of("MA130", "N20", "N30"), claim.remarkCodes());
    }

    @Test
    void anInvalidFileIsStillReadButItsTransactionSetIsNotAccepted() {
        RemittanceSamples.Collected read = RemittanceSamples.read(RemittanceSamples.bytes("835/835-errors.x12"));

        assertEquals(List.of("BAD-2001", "BAD-2002"), read.claims.stream().map(ClaimPayment::patientControlNumber).toList());
        assertFalse(read.ended.get(0).accepted());
    }

    @Test
    void aFileThatIsNotX12IsRefused() {
        assertThrows(X12InputException.class, () -> new RemittanceReader().read(
                new ByteArrayInputStream("CLP*1*1*100*100~".getBytes(StandardCharsets.ISO_8859_1)), (a, c) -> { }));
    }

    @Test
    void claimsArriveWhileTheFileIsStillBeingRead() throws Exception {
        byte[] large = Remittance835Generator.generate(3_000, 7).getBytes(StandardCharsets.ISO_8859_1);
        CountingInput input = new CountingInput(new ByteArrayInputStream(large));
        long[] consumedAtFirstClaim = {-1};
        int[] claims = {0};

        new RemittanceReader().read(input, (advice, claim) -> {
            if (claims[0]++ == 0) {
                consumedAtFirstClaim[0] = input.count;
            }
        });

        assertEquals(3_000, claims[0]);
        assertTrue(consumedAtFirstClaim[0] < large.length / 10,
                "first claim after " + consumedAtFirstClaim[0] + " of " + large.length + " bytes");
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
