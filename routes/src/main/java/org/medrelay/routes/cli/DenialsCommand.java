package org.medrelay.routes.cli;

import org.medrelay.mappings.x12.ImplementationSchemas;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;
import org.medrelay.mappings.x12.remittance.AdjustmentCodeList;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.DenialDecision;
import org.medrelay.mappings.x12.remittance.DenialRules;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.RemittanceHandler;
import org.medrelay.mappings.x12.remittance.RemittanceReader;
import org.medrelay.mappings.x12.remittance.RemittanceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code medrelay denials FILE}: one JSON line per claim of an 835 with its denial category. The file is
 * validated first (envelopes and 005010X221A1) in one streaming pass, and only a valid file is categorized in a
 * second, so nothing is printed for a file that must be quarantined.
 */
@Command(name = "denials", description = "Categorize every claim of an 835 (paid, correct-and-resubmit, appeal, "
        + "patient-responsibility, write-off, duplicate, timely-filing, needs-review): one JSON line per claim with "
        + "claim, category, reason, carc, rarc, billed, paid, patientResponsibility and action. Exit 1 with a "
        + "one-line reason when the file is not a valid 835.", mixinStandardHelpOptions = true)
final class DenialsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "an X12 835 (005010X221A1; 004010 files get envelope checks only)")
    Path file;

    @Option(names = "--rules", paramLabel = "FILE", description = "the rules table to apply instead of the shipped one (same columns)")
    Path rules;

    @Option(names = "--carcs", paramLabel = "FILE", description = "the CARC list to describe codes with, e.g. the full licensed list (same columns)")
    Path carcs;

    @Option(names = "--summary", description = "print the remittance report per transaction set (payer, payment, totals, claims per category) on stderr")
    boolean summary;

    @Override
    public Integer call() throws Exception {
        String refusal = refusal();
        if (refusal != null) {
            System.err.println("medrelay: " + file + ": " + refusal);
            return CliErrors.EXIT_FAILURE;
        }
        DenialCategorizer categorizer = new DenialCategorizer(
                rules == null ? DenialRules.shipped() : DenialRules.fromFile(rules),
                carcs == null ? AdjustmentCodeList.shippedCarcs() : AdjustmentCodeList.fromFile(carcs, "CARC"));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        try (InputStream in = Files.newInputStream(file)) {
            // validated above: the second pass checks envelopes only, which reads about six times faster
            new RemittanceReader(new X12Reader(ImplementationSchemas.envelopeOnly())).read(in, new Printer(categorizer, out));
        }
        out.flush();
        return CliErrors.EXIT_OK;
    }

    /** Null when the file is a valid X12 file with at least one 835; otherwise why not, in one line. */
    private String refusal() throws Exception {
        X12ValidationReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new X12Validator().validate(in);
        }
        if (report.failure().isPresent()) {
            return report.failure().get().getMessage();
        }
        List<TransactionSet> sets = report.interchanges().stream().flatMap(i -> i.groups().stream())
                .flatMap(g -> g.transactionSets().stream()).toList();
        if (sets.stream().noneMatch(s -> "835".equals(s.header().id()))) {
            return "no 835 transaction set in the file";
        }
        if (!report.valid()) {
            // every line of the 999-style report that is not an envelope header names an error
            List<String> errors = report.describe().stream().map(String::strip)
                    .filter(l -> !l.startsWith("interchange ") && !l.startsWith("group ") && !l.startsWith("transaction set ")).toList();
            String first = errors.isEmpty() ? "an envelope is rejected" : errors.get(0);
            return "invalid, to be quarantined: " + first + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
                    + "; medrelay x12 validate prints the 999-style report";
        }
        return null;
    }

    /** Categorizes and prints each claim as it is read; sums each transaction set for --summary. */
    private final class Printer implements RemittanceHandler {
        private final DenialCategorizer categorizer;
        private final PrintWriter out;
        private RemittanceSummary current;

        Printer(DenialCategorizer categorizer, PrintWriter out) {
            this.categorizer = categorizer;
            this.out = out;
        }

        @Override
        public void remittanceStarted(RemittanceAdvice advice) {
            current = new RemittanceSummary(advice);
        }

        @Override
        public void claim(RemittanceAdvice advice, ClaimPayment claim) {
            DenialDecision decision = categorizer.categorize(claim);
            current.add(claim, decision.category());
            out.println(DenialJsonLine.of(claim, decision));
        }

        @Override
        public void remittanceEnded(RemittanceAdvice advice, TransactionSet validated) {
            if (summary) {
                out.flush();
                current.lines().forEach(System.err::println);
            }
        }
    }
}
