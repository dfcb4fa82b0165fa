package org.medrelay.bench;

import io.xlate.edi.schema.Schema;
import org.medrelay.mappings.x12.ImplementationSchemas;
import org.medrelay.mappings.x12.TransactionSet;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.DenialCategorizer;
import org.medrelay.mappings.x12.remittance.DenialCategory;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.RemittanceHandler;
import org.medrelay.mappings.x12.remittance.RemittanceReader;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * 835 streaming benchmark: writes a synthetic 835 (default 600,000 claims, about 220 MB) to a temporary file,
 * then reads it twice each way, alternating: StAEDI's raw event read (its own envelope checks, no
 * transaction schema, events counted); the same validating each transaction set against the shipped 005010X221A1
 * schema (StAEDI's own validation cost, nothing of MedRelay's); MedRelay's path (X12Reader validating against 005010X221A1,
 * RemittanceReader assembling every claim, DenialCategorizer classifying it); and the same path with envelope
 * checks only, as the second pass of {@code medrelay denials} reads. Prints MB/s and claims/s of the better run
 * of each, the ratios, and the most the old generation held; run it with -Xmx256m (bench/remittance
 * does). The file is deleted at the end.
 * Usage: RemittanceBenchmark [--claims N] [--claims-per-payment N]
 */
public final class RemittanceBenchmark {

    public static void main(String[] args) throws Exception {
        int claims = BenchOptions.intOption(args, "--claims", 600_000);
        int perPayment = BenchOptions.intOption(args, "--claims-per-payment", 2_000);
        Path file = Files.createTempFile("medrelay-bench-", ".835");
        try {
            long bytes = SyntheticRemittance.write(file, claims, perPayment);
            System.out.printf("835 file: %,d bytes (%.1f MB), %,d claims, %,d payments; max heap %d MB%n",
                    bytes, bytes / 1e6, claims, (claims + perPayment - 1) / perPayment, Runtime.getRuntime().maxMemory() >> 20);
            Schema guide = ImplementationSchemas.shipped().forTransaction("835", "005010X221A1").orElseThrow();
            double raw = 0;
            double rawValidating = 0;
            double validated = 0;
            double envelopeOnly = 0;
            for (int round = 1; round <= 2; round++) {
                raw = Math.max(raw, timed("StAEDI raw event read", bytes, claims, () -> StaediRawRead.events(file)));
                rawValidating = Math.max(rawValidating, timed("StAEDI raw read validating 005010X221A1", bytes, claims,
                        () -> StaediRawRead.events(file, guide)));
                validated = Math.max(validated, timed("MedRelay validate + read + categorize", bytes, claims,
                        () -> medRelayRead(file, claims, ImplementationSchemas.shipped())));
                envelopeOnly = Math.max(envelopeOnly, timed("MedRelay read + categorize (envelope only)", bytes, claims,
                        () -> medRelayRead(file, claims, ImplementationSchemas.envelopeOnly())));
            }
            System.out.printf("best: StAEDI raw %.1f MB/s; MedRelay with 005010X221A1 validation %.1f MB/s (%.2fx the raw "
                    + "read's time); without it %.1f MB/s (%.2fx)%n", raw / 1e6, validated / 1e6, raw / validated,
                    envelopeOnly / 1e6, raw / envelopeOnly);
            System.out.printf("StAEDI's own validating read %.1f MB/s (%.2fx its plain read's time); MedRelay's validating "
                    + "read at %.2fx that%n", rawValidating / 1e6, raw / rawValidating, rawValidating / validated);
            System.out.printf("old generation at its fullest: %d MB of a %d MB heap%n", HeapFigures.oldGenerationPeak() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private interface Pass {
        void run() throws Exception;
    }

    /** Bytes per second of one pass. */
    private static double timed(String name, long bytes, int claims, Pass pass) throws Exception {
        long start = System.nanoTime();
        pass.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-40s %6.1f s  %7.1f MB/s  %,9.0f claims/s%n", name, seconds, bytes / seconds / 1e6, claims / seconds);
        return bytes / seconds;
    }


    private static void medRelayRead(Path file, int expectedClaims, ImplementationSchemas schemas) throws Exception {
        DenialCategorizer categorizer = DenialCategorizer.shipped();
        Map<DenialCategory, Integer> categories = new EnumMap<>(DenialCategory.class);
        int[] counts = new int[2];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new RemittanceReader(new X12Reader(schemas)).read(in, new RemittanceHandler() {
                @Override
                public void claim(RemittanceAdvice advice, ClaimPayment claim) {
                    counts[0]++;
                    categories.merge(categorizer.categorize(claim).category(), 1, Integer::sum);
                }

                @Override
                public void remittanceEnded(RemittanceAdvice advice, TransactionSet validated) {
                    if (!validated.accepted()) {
                        counts[1]++;
                    }
                }
            });
        }
        if (counts[0] != expectedClaims || counts[1] != 0) {
            throw new IllegalStateException(counts[0] + " claims read, " + counts[1] + " payments rejected by validation");
        }
        System.out.println("  categories: " + categories);
    }


}
