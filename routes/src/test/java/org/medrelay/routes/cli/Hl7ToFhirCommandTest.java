package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay hl7 to-fhir FILE`: a Bundle on stdout, or a non-zero exit and a short reason on stderr. */
class Hl7ToFhirCommandTest {

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

    @Test
    void printsTheTransactionBundleOfASampleMessage() throws Exception {
        Path file = dir.resolve("adt.hl7");
        try (InputStream sample = getClass().getResourceAsStream("/medrelay-test-data/hl7v2/adt-a04-registration.hl7")) {
            Files.write(file, sample.readAllBytes());
        }

        int exit = MedRelayCli.execute("hl7", "to-fhir", file.toString());

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        Bundle bundle = FhirContext.forR4Cached().newJsonParser()
                .parseResource(Bundle.class, out.toString(StandardCharsets.UTF_8));
        assertEquals(Bundle.BundleType.TRANSACTION, bundle.getType());
        Patient patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
        assertEquals("Testpatient", patient.getNameFirstRep().getFamily());
        assertTrue(bundle.getEntry().stream().anyMatch(e -> e.getRequest().getUrl().startsWith("Patient?identifier=")));
    }

    @Test
    void badInputExitsNonZeroWithAShortReasonAndNoStackTrace() throws Exception {
        Path file = dir.resolve("bar.hl7");
        Files.writeString(file, "MSH|^~\\&|A|B|C|D|20261103||BAR^P01|1|P|2.5\rPID|1||X^^^Y^MR\r");

        int exit = MedRelayCli.execute("hl7", "to-fhir", file.toString());

        assertEquals(1, exit);
        String reason = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(reason.startsWith("medrelay: "), reason);
        assertTrue(reason.contains("HL7 error 200"), reason);
        assertTrue(reason.lines().count() <= 3, reason);
        assertFalse(reason.contains("\tat "), "no stack trace");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingFileExitsNonZero() {
        int exit = MedRelayCli.execute("hl7", "to-fhir", dir.resolve("nope.hl7").toString());

        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"));
    }
}
