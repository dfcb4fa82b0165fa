package org.medrelay.mappings.fhir;

import ca.uhn.hl7v2.ErrorCode;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrelay.mappings.hl7v2.Hl7BatchReader;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.Hl7Parser;
import org.medrelay.mappings.hl7v2.RawHl7Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every HL7v2 file of ../shared/corpus: files marked ok or quirk split into messages, each mapped or
 * refused as unsupported, exactly as the list below says; invalid, fragment and invalid-per-source
 * files are refused with an Hl7InputException; none takes more than a few seconds.
 */
class Hl7CorpusTest {

    /** The message types MedRelay maps, written out here so a change to the YAML shows up as a failure. */
    private static final Set<String> MAPPED = mappedTypes();
    private static final Set<String> TYPES_WITH_SOME_EVENTS_MAPPED =
            Set.of("ADT", "SIU", "ORM", "OMG", "ORU", "REF", "RRI", "OMP", "RDE", "MDM");
    /**
     * Invalid only against a conformance profile MedRelay does not enforce (RADx MARS onboarding
     * forbids an NTE after OBX; the same message without it is marked ok). Mapped like an ok file.
     */
    private static final Set<String> INVALID_ONLY_FOR_A_PROFILE =
            Set.of("hl7v2/rstream__validation-marsotcelr-fail_onboarding_pass_prod.hl7");
    /** A hang guard, not a speed check: under a load average of 17 a 332 KB file took over 5 s here. */
    private static final Duration PER_FILE = Duration.ofSeconds(60);

    private static final Hl7BatchReader READER = new Hl7BatchReader();
    private static final Hl7Parser PARSER = new Hl7Parser();
    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    private static final AtomicInteger FILES = new AtomicInteger();
    private static final AtomicInteger MESSAGES_MAPPED = new AtomicInteger();
    private static final AtomicInteger ENTRIES = new AtomicInteger();
    private static final Map<ErrorCode, Integer> REFUSED = new TreeMap<>();

    static Stream<Arguments> corpusFiles() throws IOException {
        String dir = System.getProperty("medrelay.corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(corpus != null && Files.isRegularFile(corpus.resolve("INDEX.tsv")),
                "HL7v2 corpus test skipped: system property medrelay.corpus.dir does not point at ../shared/corpus");
        Map<String, String> status = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            status.put(columns[0], columns[1]);
        }
        try (Stream<Path> files = Files.list(corpus.resolve("hl7v2"))) {
            return files.sorted().map(f -> "hl7v2/" + f.getFileName())
                    .map(local -> Arguments.of(local, status.getOrDefault(local, "unlisted"), corpus.resolve(local)))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("corpusFiles")
    void fileIsMappedOrRefusedAsItsStatusSays(String localPath, String status, Path file) {
        FILES.incrementAndGet();
        assertTimeoutPreemptively(PER_FILE, () -> {
            byte[] raw = Files.readAllBytes(file);
            boolean readable = Set.of("ok", "quirk", "envelope-issues").contains(status)
                    || INVALID_ONLY_FOR_A_PROFILE.contains(localPath);
            if (readable) {
                expectMappedOrUnsupported(raw);
            } else {
                expectRefused(raw);
            }
        });
    }

    private static void expectMappedOrUnsupported(byte[] raw) throws Exception {
        List<RawHl7Message> messages = READER.split(raw);
        assertFalse(messages.isEmpty());
        for (RawHl7Message message : messages) {
            var parsed = PARSER.parse(message.bytes());
            var header = org.medrelay.mappings.hl7v2.Hl7Segments.of(parsed).get(0).field(9).get(0);
            String typeAndEvent = header.value(1, 1) + "^" + header.value(2, 1);
            try {
                Bundle bundle = MAPPER.toBundle(parsed);
                assertTrue(MAPPED.contains(typeAndEvent), typeAndEvent + " mapped but is not in the list of mapped types");
                // Two mirth samples are an MSH and one OBX: nothing to build, an empty (valid) transaction.
                bundle.getEntry().forEach(e -> assertEquals(Bundle.HTTPVerb.PUT, e.getRequest().getMethod()));
                MESSAGES_MAPPED.incrementAndGet();
                ENTRIES.addAndGet(bundle.getEntry().size());
            } catch (Hl7InputException refused) {
                ErrorCode expected = TYPES_WITH_SOME_EVENTS_MAPPED.contains(header.value(1, 1))
                        ? ErrorCode.UNSUPPORTED_EVENT_CODE : ErrorCode.UNSUPPORTED_MESSAGE_TYPE;
                assertFalse(MAPPED.contains(typeAndEvent),
                        typeAndEvent + " should map but was refused: " + refused.getMessage());
                assertEquals(expected, refused.getErrorCode(), typeAndEvent + ": " + refused.getMessage());
                count(refused.getErrorCode());
            }
        }
    }

    private static void expectRefused(byte[] raw) {
        List<RawHl7Message> messages;
        try {
            messages = READER.split(raw);
        } catch (Hl7InputException refused) {
            count(refused.getErrorCode());
            return;
        }
        for (RawHl7Message message : messages) {
            try {
                MAPPER.toBundle(PARSER.parse(message.bytes()));
                fail("message " + message.ordinal() + " was accepted");
            } catch (Hl7InputException refused) {
                assertFalse(refused.getMessage().isBlank());
                count(refused.getErrorCode());
            }
        }
    }

    private static synchronized void count(ErrorCode code) {
        REFUSED.merge(code, 1, Integer::sum);
    }

    @AfterAll
    static void printSummary() {
        if (FILES.get() > 0) {
            System.out.printf("HL7v2 corpus: %d files, %d messages mapped to %d bundle entries, refused by code: %s%n",
                    FILES.get(), MESSAGES_MAPPED.get(), ENTRIES.get(), REFUSED);
        }
    }

    private static Set<String> mappedTypes() {
        List<String> types = new ArrayList<>();
        IntStream.rangeClosed(1, 62).filter(i -> i != 20 && (i <= 55 || i >= 60))
                .forEach(i -> types.add(String.format("ADT^A%02d", i)));
        IntStream.rangeClosed(12, 26).forEach(i -> types.add("SIU^S" + i));
        IntStream.rangeClosed(12, 15).forEach(i -> types.add("REF^I" + i));
        IntStream.rangeClosed(12, 15).forEach(i -> types.add("RRI^I" + i));
        IntStream.rangeClosed(1, 11).forEach(i -> types.add(String.format("MDM^T%02d", i)));
        types.addAll(List.of("ORM^O01", "OMG^O19", "ORU^R01", "OMP^O09", "RDE^O11", "RDE^O25"));
        return Set.copyOf(types);
    }
}
