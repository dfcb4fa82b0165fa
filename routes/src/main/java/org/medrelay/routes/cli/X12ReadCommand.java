package org.medrelay.routes.cli;

import org.medrelay.mappings.x12.Interchange;
import org.medrelay.mappings.x12.X12Handler;
import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "read", description = "Print every transaction set of an X12 file as JSON, one document per line: "
        + "a 271 as a FHIR R4 Bundle of CoverageEligibilityResponse, a 278 response as a Bundle of ClaimResponse "
        + "(use preauthorization), an 835 as a Bundle of ExplanationOfBenefit, an 837 as a Bundle of Claim, "
        + "any other as its envelope and segments. "
        + "Exit 1 with a one-line reason when the file cannot be read as X12.")
final class X12ReadCommand implements Callable<Integer> {

    /**
     * The JSON of a transaction set, by ST01; a mapper for another transaction set is one more entry here. Anything
     * not listed prints as {@link SegmentSummaryJson}.
     */
    static final Map<String, Supplier<TransactionJson>> BY_TRANSACTION_SET = Map.of(
            "271", EligibilityResponseBundleJson::new,
            "278", PriorAuthResponseBundleJson::new,
            "835", RemittanceBundleJson::new,
            "837", ClaimBundleJson::new);

    @Parameters(paramLabel = "FILE", description = "X12 file, any delimiters, one or several ISA interchanges")
    Path file;

    @Override
    public Integer call() throws Exception {
        Printer printer = new Printer();
        try (InputStream in = Files.newInputStream(file)) {
            new X12Reader().read(in, printer);
        } catch (X12InputException e) {
            System.err.println("medrelay: " + file + ": " + e.getMessage());
            return CliErrors.EXIT_FAILURE;
        }
        if (printer.invalid > 0) {
            System.err.println("medrelay: " + file + ": " + printer.invalid
                    + " interchange(s) not valid; printed as read (see medrelay x12 validate)");
        }
        return CliErrors.EXIT_OK;
    }

    /** Hands each transaction set's segments to its {@link TransactionJson} and prints it at SE. */
    private static final class Printer implements X12Handler {
        private String isa13 = "";
        private String sender = "";
        private String receiver = "";
        private String gs06 = "";
        private String functionalId = "";
        private String version = "";
        private TransactionJson current;
        private int invalid;

        @Override
        public void segment(X12Segment segment) {
            switch (segment.id()) {
                case "ISA" -> {
                    sender = segment.element(6).strip();
                    receiver = segment.element(8).strip();
                    isa13 = segment.element(13);
                }
                case "GS" -> {
                    functionalId = segment.element(1);
                    gs06 = segment.element(6);
                    version = segment.element(8);
                }
                case "ST" -> current = BY_TRANSACTION_SET.getOrDefault(segment.element(1), SegmentSummaryJson::new).get();
                default -> {
                    // every other segment goes to the transaction set being read
                }
            }
            if (current != null) {
                current.segment(segment);
                if ("SE".equals(segment.id())) {
                    System.out.println(current.json(new TransactionJson.X12Envelope(isa13, sender, receiver, gs06, functionalId, version)));
                    current = null;
                }
            }
        }

        @Override
        public void interchangeEnded(Interchange interchange) {
            if (!interchange.valid()) {
                invalid++;
            }
        }
    }
}
