package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.X12Validator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay x12 read FILE` and `medrelay eligibility request --patient-json FILE`. */
class X12ReadAndEligibilityRequestCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private Path sample(String name) throws Exception {
        Path file = dir.resolve(name.replace('/', '-'));
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/x12/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void a271PrintsABundleOfCoverageEligibilityResponses() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("271/271-benefits-and-gaps.x12").toString());

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        CoverageEligibilityResponse response = (CoverageEligibilityResponse) bundle.getEntryFirstRep().getResource();
        assertEquals("TRACE2", response.getRequest().getIdentifier().getValue());
        assertTrue(response.getInsuranceFirstRep().getInforce());
    }

    @Test
    void otherTransactionSetsPrintTheirEnvelopeAndSegmentsOneDocumentEach() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("270/270-subscriber-and-dependent.x12").toString());

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
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
        String reason = err.toString(StandardCharsets.UTF_8);
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

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String x12 = out.toString(StandardCharsets.UTF_8);
        assertTrue(x12.contains("*ZZ*CLEARHOUSE1    *"), x12);
        assertTrue(x12.contains("*000000042*"), x12);
        assertTrue(x12.contains("GS*HS*MEDRELAY*PAYER12345*"), x12);
        assertTrue(x12.contains("TRN*1*TRACE1*9MEDRELAY0~"), x12);
        assertTrue(x12.contains("EQ*30^98~"), x12);
        assertTrue(x12.contains("DTP*291*D8*20261201~"), x12);
        assertTrue(new X12Validator().validate(new ByteArrayInputStream(x12.getBytes(StandardCharsets.ISO_8859_1))).valid(), x12);
    }
}
