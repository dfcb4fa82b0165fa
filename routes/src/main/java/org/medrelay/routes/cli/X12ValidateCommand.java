package org.medrelay.routes.cli;

import org.medrelay.mappings.x12.AcknowledgmentWriter;
import org.medrelay.mappings.x12.Interchange;
import org.medrelay.mappings.x12.SequentialControlNumbers;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Validate an X12 file: envelopes, control numbers and counts, and 270/271 "
        + "(005010X279A1), 278 (005010X217), 835 (005010X221A1), 837P (005010X222A1), 837I (005010X223A2) and 999 (005010X231A1) against their implementation guides. Prints a 999-style report; "
        + "exit 0 when the file is valid, 1 when not.")
final class X12ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "X12 file, any delimiters, one or several ISA interchanges")
    Path file;

    @Option(names = "--ack", description = "print the TA1/999 MedRelay would send back (the report goes to stderr)")
    boolean ack;

    @Option(names = "--control-number", paramLabel = "N", defaultValue = "1",
            description = "first ISA13/GS06/ST02 of the acknowledgments (default: ${DEFAULT-VALUE})")
    long firstControlNumber;

    @Override
    public Integer call() throws Exception {
        X12ValidationReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new X12Validator().validate(in);
        }
        PrintStream reportOut = ack ? System.err : System.out;
        report.describe().forEach(reportOut::println);
        if (ack) {
            AcknowledgmentWriter writer = new AcknowledgmentWriter(new SequentialControlNumbers(firstControlNumber), Clock.systemDefaultZone());
            for (Interchange interchange : report.interchanges()) {
                System.out.print(new String(writer.acknowledge(interchange), StandardCharsets.ISO_8859_1));
            }
        }
        if (report.failure().isPresent()) {
            System.err.println("medrelay: " + file + ": " + report.failure().get().getMessage());
            return CliErrors.EXIT_FAILURE;
        }
        return report.valid() ? CliErrors.EXIT_OK : CliErrors.EXIT_FAILURE;
    }
}
