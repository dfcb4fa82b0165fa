package org.medrelay.routes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaxClassifyCommandTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @TempDir
    Path folder;

    @Test
    void printsOneJsonLinePerFaxWithExactlyTheContractFields() throws Exception {
        Path priorAuth = corpusFax("prior-auth-response-00.pdf");
        Path refill = corpusFax("refill-request-00.pdf");
        Path empty = Files.write(folder.resolve("empty.tif"), new byte[0]);

        int exit = MedRelayCli.execute("fax", "classify", priorAuth.toString(), refill.toString(), empty.toString());

        assertEquals(0, exit, streams.err());
        String[] lines = streams.out().strip().split("\n");
        assertEquals(3, lines.length, streams.out());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            assertEquals(List.of("file", "type", "confidence", "triage", "fields", "reasons"), names(json.readTree(line)));
        }
        JsonNode first = json.readTree(lines[0]);
        assertEquals(priorAuth.toString(), first.get("file").asText());
        assertEquals("prior-auth-response", first.get("type").asText());
        assertTrue(first.get("confidence").asDouble() >= 0.8 && first.get("confidence").asDouble() <= 1.0);
        assertFalse(first.get("triage").asBoolean());
        // the corpus is generated with a fixed seed: this held-out fax approves a request, reference PA2026224087
        assertEquals("PA2026224087", first.get("fields").get("payerReference").asText(), lines[0]);
        assertEquals("approved", first.get("fields").get("decision").asText());
        assertEquals("1993-08-05", first.get("fields").get("birthDate").asText());
        assertTrue(first.get("reasons").size() > 0);

        JsonNode second = json.readTree(lines[1]);
        assertEquals("refill-request", second.get("type").asText());
        assertEquals("Atorvastatin 40 mg tablet", second.get("fields").get("medication").asText(), lines[1]);
        assertEquals("Imani Zieldown", second.get("fields").get("patientName").asText());

        JsonNode unreadable = json.readTree(lines[2]);
        assertEquals("other", unreadable.get("type").asText());
        assertEquals(0.0, unreadable.get("confidence").asDouble());
        assertTrue(unreadable.get("triage").asBoolean());
        assertEquals("unreadable: the file is empty", unreadable.get("reasons").get(0).asText());
    }

    @Test
    void fileThatDoesNotExistExitsOneWithAShortReason() throws Exception {
        Path missing = folder.resolve("no-such-fax.pdf");
        Path refill = corpusFax("refill-request-00.pdf");

        int exit = MedRelayCli.execute("fax", "classify", missing.toString(), refill.toString());

        assertEquals(1, exit);
        assertEquals("medrelay: " + missing + ": no such file", streams.err().strip());
        assertEquals(1, streams.out().strip().split("\n").length, "the files that exist are still classified");
    }

    @Test
    void triageThresholdOptionSendsEverythingBelowItToTriage() throws Exception {
        Path refill = corpusFax("refill-request-00.pdf");

        int exit = MedRelayCli.execute("fax", "classify", "--triage-below", "1.0", refill.toString());

        assertEquals(0, exit, streams.err());
        String[] lines = streams.out().strip().split("\n");
        assertEquals(1, lines.length, streams.out());
        assertTrue(new ObjectMapper().readTree(lines[0]).get("triage").asBoolean());
    }

    private Path corpusFax(String name) throws Exception {
        Path target = folder.resolve(name);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("medrelay-test-data/fax/files/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
