package org.medrelay.mappings.x12.eligibility;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrelay.mappings.x12.X12Validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every 271 of ../shared/corpus/x12/271 that the validator accepts maps, response by response, to a
 * CoverageEligibilityResponse that serialises as R4 JSON: each answers a request (its TRN*2, or says it has none)
 * and names its insurer, and each AAA becomes an error coded with its reject reason.
 */
class Eligibility271CorpusTest {

    private static final CoverageEligibilityResponseMapper MAPPER = new CoverageEligibilityResponseMapper(Clock.systemUTC());

    static Stream<Path> valid271Files() throws IOException {
        try (Stream<Path> files = Files.list(CorpusFiles.x12("271"))) {
            return files.filter(Eligibility271CorpusTest::valid271).sorted().toList().stream();
        }
    }

    private static boolean valid271(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new X12Validator().validate(in).valid() && Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("271");
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid271Files")
    void everyResponseMapsToACoverageEligibilityResponse(Path file) throws IOException {
        List<EligibilityResponse> responses = Eligibility271Samples.file(file);
        for (EligibilityResponse response : responses) {
            CoverageEligibilityResponse fhir = MAPPER.map(response);
            assertTrue(fhir.hasRequest() && fhir.hasInsurer() && fhir.hasOutcome(), file.toString());
            assertTrue(fhir.getError().size() == response.rejections().size());
            String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(fhir);
            assertFalse(json.isEmpty());
        }
    }
}
