package org.medrelay.routes.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay denials FILE`: one JSON line per claim of a valid 835; exit 1 and one line on stderr otherwise. */
class DenialsCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    private Path sample(String name) throws Exception {
        return X12Samples.copy(dir, name);
    }

    private List<String> stdoutLines() {
        return streams.out().lines().toList();
    }

    @Test
    void everyClaimIsOneJsonLineWithTheContractFieldsInOrder() throws Exception {
        int exit = MedRelayCli.execute("denials", sample("835/835-denials-every-category.x12").toString());

        assertEquals(0, exit, streams.err());
        List<String> lines = stdoutLines();
        assertEquals(8, lines.size(), String.join("\n", lines));
        assertEquals("{\"claim\":\"RESUB-1003\",\"category\":\"correct-and-resubmit\",\"reason\":\"The claim was unprocessable "
                + "(incomplete or invalid, no appeal rights): send a new claim with the missing or corrected information.\","
                + "\"carc\":\"CO-16\",\"rarc\":\"MA130\",\"billed\":300.00,\"paid\":0.00,\"patientResponsibility\":0.00,"
                + "\"action\":\"Correct the claim as the reason says and resubmit it.\"}", lines.get(2));
        assertEquals("", streams.err(), "nothing on stderr for a valid file");
    }

    @Test
    void theSampleCoversEveryCategoryWithItsAmounts() throws Exception {
        MedRelayCli.execute("denials", sample("835/835-denials-every-category.x12").toString());

        Pattern fields = Pattern.compile("\\{\"claim\":\"([^\"]+)\",\"category\":\"([a-z-]+)\",\"reason\":\"[^\"]+\","
                + "\"carc\":(null|\"[A-Z]{2}-[A-Z0-9]+\"),\"rarc\":(null|\"[A-Z0-9]+\"),\"billed\":(-?\\d+\\.\\d\\d),"
                + "\"paid\":(-?\\d+\\.\\d\\d),\"patientResponsibility\":(-?\\d+\\.\\d\\d),\"action\":\"[^\"]+\"}");
        StringBuilder seen = new StringBuilder();
        for (String line : stdoutLines()) {
            Matcher m = fields.matcher(line);
            assertTrue(m.matches(), line);
            seen.append(m.group(1)).append(' ').append(m.group(2)).append(' ').append(m.group(3)).append(' ')
                    .append(m.group(4)).append(' ').append(m.group(5)).append(' ').append(m.group(6)).append(' ').append(m.group(7)).append('\n');
        }
        assertEquals("""
                PAID-1001 paid "CO-45" null 200.00 150.00 0.00
                PATRESP-1002 patient-responsibility "PR-1" null 250.00 150.00 60.00
                RESUB-1003 correct-and-resubmit "CO-16" "MA130" 300.00 0.00 0.00
                APPEAL-1004 appeal "CO-50" "N115" 400.00 0.00 0.00
                WRITEOFF-1005 write-off "CO-97" "M15" 350.00 200.00 0.00
                DUP-1006 duplicate "OA-18" null 180.00 0.00 0.00
                TIMELY-1007 timely-filing "CO-29" null 220.00 0.00 0.00
                REVIEW-1008 needs-review "CO-B7" null 500.00 0.00 0.00
                """, seen.toString());
    }

    @Test
    void summaryReportsThePaymentAndClaimsPerCategoryOnStderr() throws Exception {
        int exit = MedRelayCli.execute("denials", "--summary", sample("835/835-denials-every-category.x12").toString());

        assertEquals(0, exit);
        assertEquals(List.of(
                "remittance ST02 0001 from TEST HEALTH PLAN to TEST FAMILY PRACTICE: ACH 500.00 on 2026-11-20, trace EFT0000001",
                "  8 claim(s), billed 2400, paid 500, patient responsibility 60",
                "  duplicate 1, timely-filing 1, correct-and-resubmit 1, appeal 1, needs-review 1, write-off 1, patient-responsibility 1, paid 1"),
                streams.err().lines().toList());
    }

    @Test
    void anInvalid835ExitsOneWithOneLineAndPrintsNoClaims() throws Exception {
        Path file = sample("835/835-errors.x12");

        int exit = MedRelayCli.execute("denials", file.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
        List<String> stderr = streams.err().lines().toList();
        assertEquals(List.of("medrelay: " + file + ": invalid, to be quarantined: segment 14 CLP in loop 2100: IK304 8 segment "
                + "has data element errors (and 4 more); medrelay x12 validate prints the 999-style report"), stderr);
    }

    @Test
    void aFileThatIsNotX12OrHasNo835OrDoesNotExistExitsOneWithoutAStackTrace() throws Exception {
        Path notX12 = dir.resolve("notes.txt");
        Files.writeString(notX12, "remittance for November\n");
        Path eligibility = sample("271/271-active-coverage.x12");

        assertEquals(1, MedRelayCli.execute("denials", notX12.toString()));
        assertEquals(1, MedRelayCli.execute("denials", eligibility.toString()));
        assertEquals(1, MedRelayCli.execute("denials", dir.resolve("missing.835").toString()));

        List<String> stderr = streams.err().lines().toList();
        assertEquals(3, stderr.size(), String.join("\n", stderr));
        assertTrue(stderr.get(0).startsWith("medrelay: " + notX12 + ": not readable as X12"), stderr.get(0));
        assertEquals("medrelay: " + eligibility + ": no 835 transaction set in the file", stderr.get(1));
        assertTrue(stderr.get(2).startsWith("medrelay: no such file: "), stderr.get(2));
        assertFalse(streams.err().contains("\tat "), "no stack trace");
    }
}
