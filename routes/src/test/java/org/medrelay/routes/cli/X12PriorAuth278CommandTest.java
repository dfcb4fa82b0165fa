package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay x12 read` and `medrelay x12 validate` on 278 prior-authorization requests and responses. */
class X12PriorAuth278CommandTest {

    private static final String REVIEW_ACTION = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction";

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path sample(String name) throws Exception {
        return X12Samples.copy(dir, name);
    }

    @Test
    void a278ResponsePrintsABundleOfItsClaimResponseWithEachServicesDecision() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("278/278-response-partial-denial.x12").toString());

        assertEquals(0, exit, streams.err());
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, streams.out().strip());
        assertEquals("000000311-311-0311", bundle.getIdentifier().getValue());
        ClaimResponse response = (ClaimResponse) bundle.getEntryFirstRep().getResource();
        assertEquals(ClaimResponse.Use.PREAUTHORIZATION, response.getUse());
        assertEquals("AUTH77810", response.getPreAuthRef());
        assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, response.getOutcome());
        assertEquals("PA0000042", response.getRequest().getIdentifier().getValue());
        assertEquals("A3", actionCode(response.getItem().get(0)));
        assertEquals("A1", actionCode(response.getItem().get(1)));
        assertEquals("51", response.getErrorFirstRep().getCode().getCodingFirstRep().getCode());
    }

    @Test
    void a278RequestPrintsItsEnvelopeAndSegments() throws Exception {
        int exit = MedRelayCli.execute("x12", "read", sample("278/278-request-two-services.x12").toString());

        assertEquals(0, exit, streams.err());
        JsonNode request = new ObjectMapper().readTree(streams.out().strip());
        assertEquals("278", request.get("transactionSet").asText());
        assertEquals("005010X217", request.get("guide").asText());
        assertEquals("HI", request.get("group").get("functionalId").asText());
        JsonNode trn = request.get("segments").get(10); // ST is 0
        assertEquals("TRN", trn.get("id").asText());
        assertEquals("2000E", trn.get("loop").asText());
        assertEquals("PA0000042", trn.get("elements").get(1).asText());
    }

    @Test
    void aValid278ValidatesAgainstX217AndExitsZero() throws Exception {
        int exit = MedRelayCli.execute("x12", "validate", sample("278/278-response-partial-denial.x12").toString());

        assertEquals(0, exit, streams.err());
        assertTrue(streams.out().contains("transaction set ST02 0311 278, 27 segments (validated against 005010X217): IK5 A"), streams.out());
    }

    @Test
    void a278WithACodeTheGuideDoesNotHaveExitsOneWithTheElementAndCode() throws Exception {
        int exit = MedRelayCli.execute("x12", "validate", sample("278/278-request-errors.x12").toString());

        assertEquals(1, exit);
        String report = streams.out();
        assertTrue(report.contains("transaction set ST02 0042 278, 23 segments (validated against 005010X217): IK5 R"), report);
        assertTrue(report.contains("segment 12 UM in loop 2000E: IK304 8 segment has data element errors"), report);
        assertTrue(report.contains("UM02 (1322): IK403 I6 code value not used in implementation"), report);
    }

    private static String actionCode(ClaimResponse.ItemComponent item) {
        return ((CodeableConcept) item.getAdjudicationFirstRep().getExtensionByUrl(REVIEW_ACTION)
                .getExtensionByUrl("reviewActionCode").getValue()).getCodingFirstRep().getCode();
    }
}
