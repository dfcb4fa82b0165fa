package org.medrelay.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.medrelay.mappings.x12.ImplementationSchemas;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.eligibility.CoverageEligibilityResponseMapper;
import org.medrelay.mappings.x12.eligibility.Eligibility271Handler;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 271 benchmark: writes a synthetic 271 file of 10,000 responses (one transaction set each) and reads it, alternating
 * over two rounds: StAEDI's raw event read (its own envelope checks, no transaction schema); MedRelay's path
 * (X12Reader validating against 005010X279A1, Eligibility271Handler assembling each response,
 * CoverageEligibilityResponseMapper making the FHIR resource); that path with each resource encoded as FHIR JSON, as
 * the engine writes it to the EHR; and the path with envelope checks only, as a mapping pass after a validating one
 * reads. Then the validating path over files 4 and 16 times as large, printing the most heap the collector left live
 * during each: the figure that must stay flat as the file grows. Run it with a small heap (bench/eligibility uses
 * -Xmx128m) so a path that kept responses would run out.
 * Usage: EligibilityBenchmark [--responses N]
 */
public final class EligibilityBenchmark {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    public static void main(String[] args) throws Exception {
        int responses = BenchOptions.intOption(args, "--responses", 10_000);
        Path file = Files.createTempFile("medrelay-bench-", ".271");
        try {
            long bytes = SyntheticEligibility.write(file, responses);
            System.out.printf("271 file: %,d bytes (%.1f MB), %,d responses; max heap %d MB%n", bytes, bytes / 1e6, responses,
                    Runtime.getRuntime().maxMemory() >> 20);
            double raw = 0;
            double mapped = 0;
            double encoded = 0;
            double envelopeOnly = 0;
            for (int round = 1; round <= 2; round++) {
                raw = Math.max(raw, timed("StAEDI raw event read", responses, () -> StaediRawRead.events(file)));
                mapped = Math.max(mapped, timed("MedRelay validate + read + map to FHIR", responses,
                        () -> medRelayRead(file, responses, ImplementationSchemas.shipped(), null)));
                encoded = Math.max(encoded, timed("  ... and encode as FHIR JSON", responses,
                        () -> medRelayRead(file, responses, ImplementationSchemas.shipped(), FHIR.newJsonParser())));
                envelopeOnly = Math.max(envelopeOnly, timed("MedRelay read + map (envelope only)", responses,
                        () -> medRelayRead(file, responses, ImplementationSchemas.envelopeOnly(), null)));
            }
            System.out.printf("best: StAEDI raw %,.0f responses/s; MedRelay with 005010X279A1 validation %,.0f/s (%.2fx the raw "
                    + "read's time), and JSON encoded %,.0f/s (%.2fx); envelope only %,.0f/s (%.2fx)%n",
                    raw, mapped, raw / mapped, encoded, raw / encoded, envelopeOnly, raw / envelopeOnly);
        } finally {
            Files.deleteIfExists(file);
        }
        for (int factor : new int[] {1, 4, 16}) {
            memory(responses * factor);
        }
    }

    private interface Pass {
        void run() throws Exception;
    }

    /** Responses per second of one pass. */
    private static double timed(String name, int responses, Pass pass) throws Exception {
        long start = System.nanoTime();
        pass.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-40s %6.2f s  %,9.0f responses/s%n", name, seconds, responses / seconds);
        return responses / seconds;
    }


    /** The engine's read of a 271 file; {@code json} null maps only. Fails unless every response came out. */
    private static void medRelayRead(Path file, int expected, ImplementationSchemas schemas, IParser json) throws Exception {
        CoverageEligibilityResponseMapper mapper = new CoverageEligibilityResponseMapper(Clock.systemUTC());
        long[] seen = new long[2];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            X12Reader.mappingOnly(schemas).read(in, new Eligibility271Handler(response -> {
                CoverageEligibilityResponse resource = mapper.map(response);
                seen[0]++;
                if (json != null) {
                    seen[1] += json.encodeResourceToString(resource).length();
                }
            }));
        }
        if (seen[0] != expected) {
            throw new IllegalStateException(seen[0] + " responses mapped of " + expected);
        }
    }

    /** Runs the mapped path over a file of {@code responses}, printing the most heap any collection left live. */
    private static void memory(int responses) throws Exception {
        Path file = Files.createTempFile("medrelay-bench-", ".271");
        try {
            long bytes = SyntheticEligibility.write(file, responses);
            System.gc();
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(HeapFigures.liveAfterCollection(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            medRelayRead(file, responses, ImplementationSchemas.shipped(), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join(1_000);
            peak.accumulateAndGet(HeapFigures.liveAfterCollection(), Math::max);
            System.out.printf("memory: %,8d responses (%6.1f MB) in %5.1f s; most heap live after a collection: %d MB%n",
                    responses, bytes / 1e6, seconds, peak.get() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }


}
