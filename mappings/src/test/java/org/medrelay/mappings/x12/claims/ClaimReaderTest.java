package org.medrelay.mappings.x12.claims;

import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.x12.TransactionSet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimReaderTest {

    static byte[] sample(String name) {
        try (InputStream in = ClaimReaderTest.class.getResourceAsStream("/medrelay-test-data/x12/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no sample " + name, e);
        }
    }

    static List<ClaimOnFile> read(byte[] bytes) {
        List<ClaimOnFile> claims = new ArrayList<>();
        try {
            new ClaimReader().read(new ByteArrayInputStream(bytes), claims::add);
        } catch (IOException | org.medrelay.mappings.x12.X12InputException e) {
            throw new IllegalStateException(e);
        }
        return claims;
    }

    static ClaimOnFile claim(String sample, String patientControlNumber) {
        return read(sample(sample)).stream().filter(c -> c.patientControlNumber().equals(patientControlNumber)).findFirst().orElseThrow();
    }

    @Test
    void everyClmOfAProfessionalFileIsOneClaimWithItsParties() {
        List<ClaimOnFile> claims = read(sample("837/837P-claims-on-file.x12"));

        assertEquals(List.of("PAID-1001", "RESUB-1003", "APPEAL-1004"), claims.stream().map(ClaimOnFile::patientControlNumber).toList());
        ClaimOnFile resubmit = claims.get(1);
        assertEquals("005010X222A1", resubmit.guide());
        assertEquals(new BigDecimal("300"), resubmit.totalCharge());
        assertEquals("11", resubmit.placeOfService());
        assertEquals("1", resubmit.frequencyCode());
        assertEquals("MEDRELAY01", resubmit.submitterId());
        assertEquals("99999", resubmit.payerId());
        assertEquals("TEST HEALTH PLAN", resubmit.payer().name());
        assertEquals("1234567893", resubmit.billingProvider().id());
        assertEquals("XX", resubmit.billingProvider().idQualifier());
        assertEquals("SAMPLEPATIENT", resubmit.subscriber().lastName());
        assertEquals("W100000003", resubmit.subscriber().memberId());
        assertEquals(Optional.of(LocalDate.of(1975, 3, 15)), resubmit.subscriber().birthDate());
        assertEquals("18", resubmit.relationship());
        assertEquals(List.of(new Diagnosis("ABK", "M545"), new Diagnosis("ABF", "M5416")), resubmit.diagnoses());
        assertEquals(Optional.empty(), resubmit.payerClaimControlNumber());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 1)), resubmit.serviceDate());
    }

    @Test
    void serviceLinesCarryProcedureModifiersChargeUnitsAndDate() {
        ClaimOnFile resubmit = claim("837/837P-claims-on-file.x12", "RESUB-1003");

        assertEquals(2, resubmit.lines().size());
        ServiceLine second = resubmit.lines().get(1);
        assertEquals(2, second.number());
        assertEquals("HC", second.procedureQualifier());
        assertEquals("97140", second.procedureCode());
        assertEquals(List.of("GP", "59"), second.modifiers());
        assertEquals(new BigDecimal("150"), second.charge());
        assertEquals("UN", second.unitBasis());
        assertEquals(Optional.of(new BigDecimal("2")), second.units());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 1)), second.serviceDate());
    }

    @Test
    void aDependentPatientIsReadFromTheLevelUnderItsSubscriber() {
        ClaimOnFile appeal = claim("837/837P-claims-on-file.x12", "APPEAL-1004");

        assertEquals("DEMOPARENT", appeal.subscriber().lastName());
        assertEquals("W100000004", appeal.subscriber().memberId());
        assertEquals("DEMOPATIENT", appeal.patient().lastName());
        assertEquals(Optional.of(LocalDate.of(2010, 6, 6)), appeal.patient().birthDate());
        assertEquals("M", appeal.patient().gender());
        assertEquals("19", appeal.relationship());
        assertEquals("DEMOPATIENT", appeal.patientOrSubscriber().lastName());
    }

    @Test
    void aClaimsSegmentsAreItsHeaderItsHierarchyAndItsOwnLoopsInOrder() {
        ClaimOnFile appeal = claim("837/837P-claims-on-file.x12", "APPEAL-1004");

        List<String> ids = appeal.segments().stream().map(s -> s.id() + (s.id().equals("NM1") || s.id().equals("HL") ? "*" + (s.id().equals("HL") ? s.element(3) : s.element(1)) : "")).toList();
        assertEquals(List.of("BHT", "NM1*41", "PER", "NM1*40",
                "HL*20", "PRV", "NM1*85", "N3", "N4", "REF",
                "HL*22", "SBR", "NM1*IL", "N3", "N4", "DMG", "NM1*PR",
                "HL*23", "PAT", "NM1*QC", "N3", "N4", "DMG",
                "CLM", "HI", "LX", "SV1", "DTP"), ids);
        // the other subscribers' levels (HL 2 and 3) are not in it
        assertTrue(appeal.segments().stream().noneMatch(s -> s.element(9).equals("W100000001")));
    }

    @Test
    void anInstitutionalClaimReadsRevenueCodesStatementDatesAndInstitutionalType() {
        ClaimOnFile inpatient = read(sample("837/837I-inpatient.x12")).get(0);

        assertEquals("005010X223A2", inpatient.guide());
        assertTrue(inpatient.institutional());
        assertEquals("A", inpatient.facilityQualifier());
        assertEquals(List.of("I214"), inpatient.diagnosisCodes());
        assertEquals(Optional.of(LocalDate.of(2026, 10, 20)), inpatient.serviceDate());
        assertEquals("0120", inpatient.lines().get(0).revenueCode());
        assertEquals("DA", inpatient.lines().get(0).unitBasis());
        assertEquals("80053", inpatient.lines().get(1).procedureCode());
    }

    @Test
    void theSegmentsWrittenAsTextAreReadBackIntoTheSameClaim() {
        ClaimOnFile appeal = claim("837/837P-claims-on-file.x12", "APPEAL-1004");

        String text = ClaimSegmentsText.write(appeal.segments());
        ClaimOnFile again = ClaimAssembler.assemble(appeal.guide(), ClaimSegmentsText.read(text));

        assertTrue(text.startsWith("BHT*0019*00*BATCH0001*20261030*1200*CH~\nNM1*41*2*TEST FAMILY PRACTICE*****46*MEDRELAY01~\n"), text);
        assertEquals(appeal.patient(), again.patient());
        assertEquals(appeal.lines(), again.lines());
        assertEquals(appeal.diagnosisCodes(), again.diagnosisCodes());
        assertEquals(ClaimSegmentsText.write(appeal.segments()), ClaimSegmentsText.write(again.segments()));
    }

    @Test
    void otherDelimitersAreWrittenAsTheStandardOnes() {
        String piped = new String(sample("837/837P-claims-on-file.x12"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace('*', '|').replace(':', '>').replace("|^|00501", "|}|00501");
        ClaimOnFile resubmit = read(piped.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).get(1);

        String text = ClaimSegmentsText.write(resubmit.segments());

        assertTrue(text.contains("SV1*HC:97140:GP:59*150*UN*2***1~\n"), text);
        assertEquals(List.of("GP", "59"), resubmit.lines().get(1).modifiers());
    }

    @Test
    void theTransactionSetOutcomeFollowsItsClaims() {
        List<String> events = new ArrayList<>();
        try {
            new ClaimReader().read(new ByteArrayInputStream(sample("837/837P-claims-on-file.x12")), new ClaimHandler() {
                @Override
                public void claim(ClaimOnFile claim) {
                    events.add(claim.patientControlNumber());
                }

                @Override
                public void claimsEnded(TransactionSet validated) {
                    events.add("SE " + validated.acknowledgmentCode());
                }
            });
        } catch (IOException | org.medrelay.mappings.x12.X12InputException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(List.of("PAID-1001", "RESUB-1003", "APPEAL-1004", "SE A"), events);
    }

    @Test
    void aClaimMapsToAFhirClaimThatItsExplanationOfBenefitCanFind() {
        Claim fhir = new ClaimToFhirMapper().map(claim("837/837P-claims-on-file.x12", "RESUB-1003"));

        assertEquals(Claim.Use.CLAIM, fhir.getUse());
        assertEquals("professional", fhir.getType().getCodingFirstRep().getCode());
        assertEquals("urn:medrelay:x12:835:patient-control-number", fhir.getIdentifierFirstRep().getSystem());
        assertEquals("RESUB-1003", fhir.getIdentifierFirstRep().getValue());
        assertEquals("W100000003", fhir.getPatient().getIdentifier().getValue());
        assertEquals("1234567893", fhir.getProvider().getIdentifier().getValue());
        assertEquals("TEST HEALTH PLAN", fhir.getInsurer().getDisplay());
        assertEquals("2026-10-30", fhir.getCreatedElement().getValueAsString());
        assertEquals(List.of("M545", "M5416"), fhir.getDiagnosis().stream().map(d -> d.getDiagnosisCodeableConcept().getCodingFirstRep().getCode()).toList());
        assertEquals("http://hl7.org/fhir/sid/icd-10-cm", fhir.getDiagnosisFirstRep().getDiagnosisCodeableConcept().getCodingFirstRep().getSystem());
        assertEquals("97140", fhir.getItem().get(1).getProductOrService().getCodingFirstRep().getCode());
        assertEquals(List.of("GP", "59"), fhir.getItem().get(1).getModifier().stream().map(m -> m.getCodingFirstRep().getCode()).toList());
        assertEquals(0, new BigDecimal("300").compareTo(fhir.getTotal().getValue()));
    }
}
