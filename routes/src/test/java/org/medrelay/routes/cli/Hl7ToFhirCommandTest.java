package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay hl7 to-fhir FILE`: a Bundle on stdout, or a non-zero exit and a short reason on stderr. */
class Hl7ToFhirCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();


    @Test
    void printsTheTransactionBundleOfASampleMessage() throws Exception {
        Path file = dir.resolve("adt.hl7");
        try (InputStream sample = getClass().getResourceAsStream("/medrelay-test-data/hl7v2/adt-a04-registration.hl7")) {
            Files.write(file, sample.readAllBytes());
        }

        int exit = MedRelayCli.execute("hl7", "to-fhir", file.toString());

        assertEquals(0, exit, streams.err());
        Bundle bundle = FhirContext.forR4Cached().newJsonParser()
                .parseResource(Bundle.class, streams.out());
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
        String reason = streams.err().strip();
        assertTrue(reason.startsWith("medrelay: "), reason);
        assertTrue(reason.contains("HL7 error 200"), reason);
        assertTrue(reason.lines().count() <= 3, reason);
        assertFalse(reason.contains("\tat "), "no stack trace");
        assertEquals("", streams.out());
    }

    @Test
    void missingFileExitsNonZero() {
        int exit = MedRelayCli.execute("hl7", "to-fhir", dir.resolve("nope.hl7").toString());

        assertEquals(1, exit);
        assertTrue(streams.err().contains("no such file"));
    }
}
