package org.medrelay.mappings.x12.priorauth;

import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrelay.mappings.x12.X12InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every 278 of ../shared/corpus/x12/278 read through PriorAuth278Handler: each response (BHT02 11) gives the case
 * state its HCR01 says (A1 approved, A6 modified is approved, A4 pended), each request gives none, and the file
 * with a broken interchange structure is refused with where.
 */
class PriorAuth278CorpusTest {

    /** The case state of each response file; any 278 not listed must be a request (or refused, below). */
    private static final Map<String, String> RESPONSES = Map.of(
            "oopf__278-5010-Example_3_1_2_Response.txt", "approved",
            "oopf__278-5010-Example_3_2_2_Response.txt", "approved",
            "oopf__278-5010-Example_3_3_2_Response.txt", "pended");
    private static final String REFUSED = "tigershark__TEST_278_28_TXNS_SOA.txt";
    private static final PriorAuthClaimResponseMapper MAPPER = new PriorAuthClaimResponseMapper(Clock.systemUTC());

    static Stream<Path> files() throws IOException {
        Path folder = PriorAuth278Samples.corpus("");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.sorted().toList();
            assertEquals(8, all.size(), "the corpus has eight 278 files");
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyResponseMapsToItsCaseStateAndEveryRequestToNone(Path file) {
        String name = file.getFileName().toString();
        if (name.equals(REFUSED)) {
            X12InputException e = assertThrows(X12InputException.class, () -> PriorAuth278Samples.file(file));
            assertTrue(e.getMessage().contains("segment IEA"), e.getMessage());
            return;
        }
        List<PriorAuthResponse> responses = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> PriorAuth278Samples.file(file));
        if (!RESPONSES.containsKey(name)) {
            assertTrue(responses.isEmpty(), name + " is a request");
            return;
        }
        assertEquals(1, responses.size());
        PriorAuthResponse response = responses.get(0);
        assertEquals(RESPONSES.get(name), response.caseState().orElseThrow(), name);
        ClaimResponse fhir = MAPPER.map(response);
        assertEquals(ClaimResponse.Use.PREAUTHORIZATION, fhir.getUse());
        assertTrue(fhir.hasRequest() && fhir.hasInsurer() && fhir.hasPatient() && fhir.hasItem(), name);
        assertTrue(fhir.getItem().stream().allMatch(item -> PriorAuth278HandlerTest.reviewAction(item) != null), name);
    }
}
