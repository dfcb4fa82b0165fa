package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.X12Validator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay x12 read FILE` and `medrelay eligibility request --patient-json FILE`. */
class X12ReadAndEligibilityRequestCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path sample(String name) throws Exception {
        return X12Samples.copy(dir, name);
    }

    @Test
    void a271PrintsABundleOfCoverageEligibilityResponses() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("271/271-benefits-and-gaps.x12").toString());

        assertEquals(0, exit, streams.err());
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, streams.out().strip());
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        CoverageEligibilityResponse response = (CoverageEligibilityResponse) bundle.getEntryFirstRep().getResource();
        assertEquals("TRACE2", response.getRequest().getIdentifier().getValue());
        assertTrue(response.getInsuranceFirstRep().getInforce());
    }

    @Test
    void an835PrintsABundleOfOneExplanationOfBenefitPerClaimWithItsDenialCategory() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("835/835-denials-every-category.x12").toString());

        assertEquals(0, exit, streams.err());
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, streams.out().strip());
        assertEquals(8, bundle.getEntry().size(), "one per CLP");
        List<ExplanationOfBenefit> claims = bundle.getEntry().stream()
                .map(e -> (ExplanationOfBenefit) e.getResource()).toList();
        ExplanationOfBenefit resubmit = claims.stream()
                .filter(eob -> eob.getIdentifierFirstRep().getValue().equals("RESUB-1003")).findFirst().orElseThrow();
        assertTrue(resubmit.getDisposition().startsWith("correct-and-resubmit: "), resubmit.getDisposition());
        assertEquals("PAID-1001", claims.get(0).getIdentifierFirstRep().getValue());
    }

    @Test
    void an837PrintsABundleOfOneClaimPerClm() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("837/837P-claims-on-file.x12").toString());

        assertEquals(0, exit, streams.err());
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, streams.out().strip());
        List<org.hl7.fhir.r4.model.Claim> claims = bundle.getEntry().stream()
                .map(e -> (org.hl7.fhir.r4.model.Claim) e.getResource()).toList();
        assertEquals(List.of("PAID-1001", "RESUB-1003", "APPEAL-1004"),
                claims.stream().map(c -> c.getIdentifierFirstRep().getValue()).toList());
        assertEquals(org.hl7.fhir.r4.model.Claim.Use.CLAIM, claims.get(1).getUse());
        assertEquals("97140", claims.get(1).getItem().get(1).getProductOrService().getCodingFirstRep().getCode());
        assertEquals("W100000004", claims.get(2).getPatient().getIdentifier().getValue());
    }

    @Test
    void otherTransactionSetsPrintTheirEnvelopeAndSegmentsOneDocumentEach() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("270/270-subscriber-and-dependent.x12").toString());

        assertEquals(0, exit, streams.err());
        String[] lines = streams.out().strip().split("\n");
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("270", first.get("transactionSet").asText());
        assertEquals("HS", first.get("group").get("functionalId").asText());
        assertEquals("ST", first.get("segments").get(0).get("id").asText());
        assertEquals("BHT", first.get("segments").get(1).get("id").asText());
        assertEquals(2, first.get("segments").get(1).get("position").asInt());
    }

    @Test
    void anUnreadableFileExitsOneWithAShortReasonAndNoStackTrace() throws Exception {
        Path notX12 = dir.resolve("not.x12");
        Files.writeString(notX12, "MSH|^~\\&|not an X12 file\r");

        int exit = MedRelayCli.execute("x12", "read", notX12.toString());

        assertEquals(1, exit);
        String reason = streams.err();
        assertTrue(reason.startsWith("medrelay: "), reason);
        assertEquals(1, reason.strip().split("\n").length, reason);
        assertFalse(reason.contains("\tat "), reason);
    }

    @Test
    void eligibilityRequestPrintsAValid270WithTheConfiguredPartnersAndTrace() throws Exception {
        Path config = dir.resolve("application.properties");
        Files.writeString(config, "medrelay.data.dir=" + dir.resolve("data").toString().replace('\\', '/') + "\n"
                + "medrelay.eligibility.clearinghouse.isa-receiver-id=CLEARHOUSE1\n"
                + "medrelay.eligibility.payer.12345.gs-receiver=PAYER12345\n");

        int exit = MedRelayCli.execute("eligibility", "request", "--patient-json", sample("270/patient-coverage.json").toString(),
                "--config", config.toString(), "--control-number", "42");

        assertEquals(0, exit, streams.err());
        String x12 = streams.out();
        assertTrue(x12.contains("*ZZ*CLEARHOUSE1    *"), x12);
        assertTrue(x12.contains("*000000042*"), x12);
        assertTrue(x12.contains("GS*HS*MEDRELAY*PAYER12345*"), x12);
        assertTrue(x12.contains("TRN*1*TRACE1*9MEDRELAY0~"), x12);
        assertTrue(x12.contains("EQ*30^98~"), x12);
        assertTrue(x12.contains("DTP*291*D8*20261201~"), x12);
        assertTrue(new X12Validator().validate(new ByteArrayInputStream(x12.getBytes(StandardCharsets.ISO_8859_1))).valid(), x12);
    }

    @Test
    void eligibilityRequestForADependentNamesTheSubscriberIn2100CAndThePatientIn2100D() throws Exception {
        Path config = dir.resolve("application.properties");
        Files.writeString(config, "medrelay.data.dir=" + dir.resolve("data").toString().replace('\\', '/') + "\n");
        Path patient = dir.resolve("child.json");
        Files.writeString(patient, """
                {"payer": {"id": "12345", "name": "NOTREAL HEALTH PLAN"},
                 "subscriber": {"lastName": "TESTPATIENT", "firstName": "ALICE", "memberId": "W123", "birthDate": "1980-01-01", "gender": "F"},
                 "dependent": {"lastName": "TESTPATIENT", "firstName": "BOBBY", "birthDate": "2015-05-05", "gender": "M", "relationship": "19"},
                 "serviceTypes": ["30"], "dateOfService": "2026-12-01", "traceNumber": "TRACE9"}
                """);

        int exit = MedRelayCli.execute("eligibility", "request", "--patient-json", patient.toString(), "--config", config.toString());

        assertEquals(0, exit, streams.err());
        String x12 = streams.out();
        // 005010X279A1: the subscriber in 2000C/2100C without a trace, the patient in 2000D/2100D with the TRN, DMG and INS
        assertTrue(x12.contains("HL*3*2*22*1~\nNM1*IL*1*TESTPATIENT*ALICE****MI*W123~\nDMG*D8*19800101*F~\nHL*4*3*23*0~\n"
                + "TRN*1*TRACE9*9MEDRELAY0~\nNM1*03*1*TESTPATIENT*BOBBY~\nDMG*D8*20150505*M~\nINS*N*19~\nEQ*30~\n"
                + "DTP*291*D8*20261201~\n"), x12);
        assertEquals(1, x12.split("TRN\\*", -1).length - 1, x12);
        var report = new X12Validator().validate(new ByteArrayInputStream(x12.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(report.valid(), String.join("\n", report.describe()));
        assertEquals("005010X279A1", report.interchanges().get(0).groups().get(0).transactionSets().get(0).validatedAgainst());
    }
}
