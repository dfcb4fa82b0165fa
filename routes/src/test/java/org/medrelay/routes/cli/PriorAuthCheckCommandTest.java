package org.medrelay.routes.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay priorauth check FILE`: one JSON line per order with required, reason, channel and rule. */
class PriorAuthCheckCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void anHl7OrderPrintsOneLinePerOrderWithTheContractFields() throws Exception {
        Path order = TestDataFiles.copy(dir, "hl7v2/orm-o01-prior-auth-mri.hl7");

        int exit = MedRelayCli.execute("priorauth", "check", order.toString());

        assertEquals(0, exit, streams.err());
        List<String> lines = streams.out().lines().toList();
        assertEquals(List.of(
                "{\"required\":true,\"reason\":\"Payer 12345 requires authorization for MRI and takes requests through its Da Vinci "
                        + "PAS API. (CPT 70551 (MRI brain without contrast), payer 12345 plan SILVERPPO01)\",\"channel\":\"fhir-pas\","
                        + "\"rule\":\"priorauth/requirements.tsv line 17\",\"order\":\"ORD5001\",\"service\":\"CPT 70551\"}",
                "{\"required\":false,\"reason\":\"Payer 12345 needs no authorization for office visits. (CPT 99213 (Office visit, "
                        + "established patient), payer 12345 plan SILVERPPO01)\",\"channel\":\"none\","
                        + "\"rule\":\"priorauth/requirements.tsv line 18\",\"order\":\"ORD5002\",\"service\":\"CPT 99213\"}"), lines);
    }

    @Test
    void aFhirBundleIsCheckedUnderTheCoverageItsOrderNames() throws Exception {
        Path bundle = TestDataFiles.copy(dir, "priorauth/servicerequest-ct-bundle.json");

        assertEquals(0, MedRelayCli.execute("priorauth", "check", bundle.toString()), streams.err());

        String line = streams.out().strip();
        assertTrue(line.startsWith("{\"required\":true,\"reason\":\"Payer 67890 requires authorization for MRI and CT, requested "
                + "through the clearinghouse as an X12 278. (CPT 74177 (CT abdomen and pelvis with contrast), payer 67890 plan BRONZE01)\","
                + "\"channel\":\"x12-278\",\"rule\":\"priorauth/requirements.tsv line 20\""), line);
    }

    @Test
    void thePracticesOwnTableReplacesTheShippedOne() throws Exception {
        Path order = TestDataFiles.copy(dir, "hl7v2/orm-o01-prior-auth-mri.hl7");
        Path table = dir.resolve("our-payers.tsv");
        Files.writeString(table, "12345\t*\t*\t*\tyes\tfax\t3\t-\tOur contract with payer 12345 needs a fax for everything.\n");

        assertEquals(0, MedRelayCli.execute("priorauth", "check", "--requirements", table.toString(), order.toString()));

        List<String> lines = streams.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"channel\":\"fax\",\"rule\":\"" + table + " line 1\"")), lines.toString());
    }

    @Test
    void aFileWithNoOrderOrNotJsonIsRefusedInOneLine() throws Exception {
        Path coverage = dir.resolve("coverage.json");
        Files.writeString(coverage, "{\"resourceType\":\"Coverage\",\"status\":\"active\"}");
        assertEquals(1, MedRelayCli.execute("priorauth", "check", coverage.toString()));
        assertEquals("medrelay: " + coverage + ": no ServiceRequest, MedicationRequest or DeviceRequest to check\n", streams.err());

        Path garbage = dir.resolve("garbage.txt");
        Files.writeString(garbage, "not an order");
        assertEquals(1, MedRelayCli.execute("priorauth", "check", garbage.toString()));
        assertEquals("", streams.out());
        assertTrue(streams.err().endsWith("medrelay: " + garbage + ": neither an HL7v2 message (MSH) nor FHIR JSON: Failed to parse "
                + "JSON encoded FHIR content: Content does not appear to be FHIR JSON, first non-whitespace character was: 'n' "
                + "(must be '{')\n"), streams.err());
    }
}
