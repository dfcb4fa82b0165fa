package org.medrelay.processors.deid;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrelay.mappings.hl7v2.Hl7BatchReader;
import org.medrelay.mappings.hl7v2.Hl7Charsets;
import org.medrelay.mappings.hl7v2.Hl7InputException;
import org.medrelay.mappings.hl7v2.RawHl7Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.medrelay.processors.deid.TestSessions.containsWord;
import static org.medrelay.processors.deid.TestSessions.session;

/**
 * Every HL7v2, FHIR and X12 file of ../shared/corpus (real-world samples, not written by us): the
 * de-identifier never throws on a usable file, and each message's PID-5 name parts and PID-3 ID
 * numbers (each Patient's names and identifier values, each X12 subscriber's and patient's names and
 * member id) are gone from the output. Values shorter than {@link PidValues#MIN_NAME} or
 * {@link PidValues#MIN_ID} are not looked for: "J" and "42" occur everywhere as ordinary text.
 */
class CorpusDeidentificationTest {

    private static final Set<String> USABLE = Set.of("ok", "quirk", "envelope-issues");
    /** A hang guard, not a speed check: under a load average of 17 a 332 KB file took over 5 s here. */
    private static final Duration PER_FILE = Duration.ofSeconds(60);
    private static final Deidentifier DEIDENTIFIER = new Deidentifier(TestSessions.POLICY);
    private static final Hl7BatchReader READER = new Hl7BatchReader();
    private static final AtomicInteger MESSAGES = new AtomicInteger();
    private static final AtomicInteger VALUES_CHECKED = new AtomicInteger();

    static Stream<Arguments> files(String folder) throws IOException {
        return files(folder, USABLE::contains);
    }

    static Stream<Arguments> files(String folder, Predicate<String> statusWanted) throws IOException {
        String dir = System.getProperty("medrelay.corpus.dir");
        Path corpus = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(corpus != null && Files.isRegularFile(corpus.resolve("INDEX.tsv")),
                "corpus test skipped: system property medrelay.corpus.dir does not point at ../shared/corpus");
        Map<String, String> status = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            status.put(columns[0], columns[1]);
        }
        try (Stream<Path> files = Files.walk(corpus.resolve(folder))) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> corpus.relativize(f).toString().replace('\\', '/'))
                    .filter(local -> statusWanted.test(status.getOrDefault(local, "unlisted")))
                    .map(local -> Arguments.of(local, corpus.resolve(local))).toList().stream();
        }
    }

    static Stream<Arguments> hl7v2Files() throws IOException {
        return files("hl7v2");
    }

    static Stream<Arguments> fhirFiles() throws IOException {
        return files("fhir");
    }

    static Stream<Arguments> x12Files() throws IOException {
        return files("x12");
    }

    static Stream<Arguments> unusableFiles() throws IOException {
        Predicate<String> unusable = status -> !USABLE.contains(status);
        return Stream.of("hl7v2", "fhir", "x12").flatMap(folder -> {
            try {
                return files(folder, unusable);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Broken files (fuzzer inputs among them) are de-identified as far as they read, or refused: never a hang, never another exception. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableFiles")
    void brokenFilesAreRefusedOrDeidentifiedNeverHang(String localPath, Path file) {
        assertTimeoutPreemptively(PER_FILE, () -> {
            String text = decode(Files.readAllBytes(file));
            DeidentificationSession session = DEIDENTIFIER.openSession();
            try {
                if (localPath.startsWith("fhir/")) {
                    DEIDENTIFIER.fhirJson(text, session);
                } else if (localPath.startsWith("x12/")) {
                    DEIDENTIFIER.x12(text, session);
                } else {
                    DEIDENTIFIER.hl7v2(text, session);
                }
            } catch (DeidentificationException refused) {
                assertFalse(refused.getMessage().isBlank());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hl7v2Files")
    void hl7v2MessagesLoseTheirPid5AndPid3Values(String localPath, Path file) {
        assertTimeoutPreemptively(PER_FILE, () -> {
            List<RawHl7Message> messages;
            try {
                messages = READER.split(Files.readAllBytes(file));
            } catch (Hl7InputException noMessage) {
                return;
            }
            for (RawHl7Message raw : messages) {
                String message = Hl7Charsets.decode(raw.bytes());
                String out = withoutTokens(PidValues.withoutMsh(DEIDENTIFIER.hl7v2(message, DEIDENTIFIER.openSession())));
                MESSAGES.incrementAndGet();
                for (String value : PidValues.of(message)) {
                    VALUES_CHECKED.incrementAndGet();
                    assertFalse(containsWord(out, value), localPath + " message " + raw.ordinal() + " still holds a PID value");
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fhirFiles")
    void fhirResourcesLoseTheirPatientsNamesAndIdentifiers(String localPath, Path file) {
        assertTimeoutPreemptively(PER_FILE, () -> {
            String content = decode(Files.readAllBytes(file));
            // NDJSON holds one resource a line; all lines are one request.
            List<String> resources = localPath.endsWith(".ndjson")
                    ? content.lines().filter(line -> !line.isBlank()).toList() : List.of(content);
            DeidentificationSession session = DEIDENTIFIER.openSession();
            for (String json : resources) {
                if (!json.contains("\"resourceType\"")) {
                    // msfhirconv__ExamplePatient.json is the converter's input, plain JSON with no resource in it.
                    assertThrows(DeidentificationException.class, () -> DEIDENTIFIER.fhirJson(json, session));
                    continue;
                }
                String out = withoutTokens(DEIDENTIFIER.fhirJson(json, session));
                IParser lenient = FhirContext.forR4Cached().newJsonParser()
                        .setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
                for (String value : patientValues(lenient.parseResource(json))) {
                    VALUES_CHECKED.incrementAndGet();
                    assertFalse(containsWord(out, value), localPath + " still holds a Patient value");
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("x12Files")
    void x12InterchangesLoseTheirSubscribersAndPatients(String localPath, Path file) {
        assertTimeoutPreemptively(PER_FILE, () -> {
            String text = decode(Files.readAllBytes(file));
            String out = withoutTokens(withoutEnvelope(DEIDENTIFIER.x12(text, session())));
            for (String value : x12PersonValues(text)) {
                VALUES_CHECKED.incrementAndGet();
                assertFalse(containsWord(out, value), localPath + " still holds a subscriber or patient value: " + value);
            }
        });
    }

    private static Set<String> patientValues(IBaseResource resource) {
        Set<String> values = new LinkedHashSet<>();
        List<IBaseResource> resources = resource instanceof Bundle bundle
                ? bundle.getEntry().stream().map(e -> (IBaseResource) e.getResource()).toList() : List.of(resource);
        for (IBaseResource r : resources) {
            if (r instanceof Patient patient) {
                for (HumanName name : patient.getName()) {
                    addIfLong(values, name.getFamily(), PidValues.MIN_NAME);
                    name.getGiven().stream().map(StringType::getValue).forEach(v -> addIfLong(values, v, PidValues.MIN_NAME));
                }
                for (Identifier identifier : patient.getIdentifier()) {
                    addIfLong(values, identifier.getValue(), PidValues.MIN_ID);
                }
            }
        }
        return values;
    }

    /** NM103, NM104 and NM109 of the subscriber (IL) and patient (QC) loops, split the simple way. */
    private static Set<String> x12PersonValues(String text) {
        Set<String> values = new LinkedHashSet<>();
        int isa = text.indexOf("ISA");
        X12Delimiters d = X12Delimiters.of(text, isa);
        for (String segment : text.substring(isa).split(Pattern.quote(String.valueOf(d.segment())))) {
            String[] e = segment.strip().split(Pattern.quote(String.valueOf(d.element())), -1);
            if (e[0].equals("NM1") && e.length > 3 && (e[1].equals("IL") || e[1].equals("QC"))) {
                addIfLong(values, e[3], PidValues.MIN_NAME);
                addIfLong(values, e.length > 4 ? e[4] : "", PidValues.MIN_NAME);
                addIfLong(values, e.length > 9 ? e[9] : "", PidValues.MIN_ID);
            }
        }
        return values;
    }

    /** UTF-8 when the bytes are UTF-8 (a byte-order mark dropped), else ISO-8859-1, as X12 files come. */
    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Envelope segments and TRN trace numbers stay as sent by design; samples reuse one number for
     * everything (ISA13 "000000001" = a member id, TRN02 "123456789" = a member id).
     */
    private static String withoutEnvelope(String interchange) {
        int isa = interchange.indexOf("ISA");
        X12Delimiters d = X12Delimiters.of(interchange, isa);
        StringBuilder kept = new StringBuilder();
        for (String segment : interchange.substring(isa).split(Pattern.quote(String.valueOf(d.segment())))) {
            String id = segment.strip().split(Pattern.quote(String.valueOf(d.element())), 2)[0];
            if (!Set.of("ISA", "IEA", "GS", "GE", "ST", "SE", "TRN").contains(id)) {
                kept.append(segment).append(d.segment());
            }
        }
        return kept.toString();
    }

    /** Values of one repeated character ("XXXXXXX") are masks an earlier de-identification left, not identifiers. */
    /** The output without its pseudonyms: "[NAME-40213]" holds the word NAME, which some samples use as a name. */
    /** Pseudonym numbers are random: one may read like a value of the input ([MRN-12345], Patient/ID-12345). */
    private static String withoutTokens(String out) {
        return TestSessions.RESOURCE_ID_TOKEN.matcher(TestSessions.TOKEN.matcher(out).replaceAll(" ")).replaceAll(" ");
    }

    private static void addIfLong(Set<String> values, String value, int minimum) {
        if (value != null && value.strip().length() >= minimum && value.strip().chars().distinct().count() > 1) {
            values.add(value.strip());
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf("De-identification corpus: %d HL7v2 messages, %d original values checked and gone%n",
                MESSAGES.get(), VALUES_CHECKED.get());
    }
}
