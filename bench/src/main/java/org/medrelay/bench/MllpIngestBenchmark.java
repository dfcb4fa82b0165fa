package org.medrelay.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.JournalSyncCalibration;
import org.medrelay.routes.engine.MedRelayEngine;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Properties;

/**
 * MedRelay's durable MLLP ingest against a baseline measured in the same run: camel-mllp auto-acknowledging
 * with no storage or processing. Every MedRelay AA means the message is persisted (Artemis journal synced).
 *
 * <p>Series, all from N connections over loopback:
 * <ol>
 *   <li>baseline, lockstep (each connection waits for an ACK before sending the next message);</li>
 *   <li>MedRelay ingest, lockstep, processing stopped and the queue emptied by a plain consumer: what the
 *       listener sustains, counted as the published engine benchmarks count (FIFO, every message persisted);</li>
 *   <li>MedRelay ingest with a pipelining sender ({@code --window} messages in flight per connection);</li>
 *   <li>MedRelay processing, on a fresh engine: a backlog drained through the full HAPI parse, FHIR mapping
 *       and HTTP writes into the sandbox EHR.</li>
 * </ol>
 * Options: {@code --connections N} (8), {@code --seconds S} (30), {@code --window W} (16),
 * {@code --heap-minutes M} (0: then M minutes of lockstep ingest on a fresh engine, printing heap after GC
 * once a minute), {@code --processing 0} (leaves out series 4, which takes up to five minutes).
 */
public final class MllpIngestBenchmark {

    private static final int BACKLOG = 20_000;
    private static final int DRAIN_LIMIT_SECONDS = 180;

    public static void main(String[] args) throws Exception {
        int connections = BenchOptions.intOption(args, "--connections", 8);
        Duration window = Duration.ofSeconds(BenchOptions.intOption(args, "--seconds", 30));
        int inFlight = BenchOptions.intOption(args, "--window", 16);
        int heapMinutes = BenchOptions.intOption(args, "--heap-minutes", 0);
        boolean processing = BenchOptions.intOption(args, "--processing", 1) != 0;
        Duration warmup = Duration.ofSeconds(15); // the JIT compiles the ingest path in about that time

        Path dataDir = Files.createTempDirectory("medrelay-bench");
        System.out.printf("MLLP ingest, %d connections, %d s per measurement, %d cores, journal fsync %.0f us%n",
                connections, window.toSeconds(), Runtime.getRuntime().availableProcessors(),
                JournalSyncCalibration.measureSyncNanos(dataDir.resolve("probe")) / 1e3);
        try {
            run(dataDir, connections, window, inFlight, heapMinutes, processing, warmup);
        } finally {
            deleteRecursively(dataDir); // the journal and paging files of a long run take gigabytes
        }
    }

    private static void run(Path dataDir, int connections, Duration window, int inFlight, int heapMinutes,
                            boolean processing, Duration warmup) throws Exception {
        LoadResult baseline = measureBaseline(connections, warmup, window);
        report("baseline  camel-mllp auto-ACK, no storage, lockstep", baseline, baseline);

        int port = freePort();
        try (MedRelayEngine engine = startEngine(Files.createTempDirectory(dataDir, "ingest"), port)) {
            drainQueue(engine);
            MllpLoad.run(port, connections, 1, warmup, "w");
            report("medrelay  durable ingest, lockstep", MllpLoad.run(port, connections, 1, window, "l"), baseline);
            report("medrelay  durable ingest, " + inFlight + " in flight per connection",
                    MllpLoad.run(port, connections, inFlight, window, "p"), baseline);
        }
        if (processing) {
            port = freePort();
            try (MedRelayEngine engine = startEngine(Files.createTempDirectory(dataDir, "processing"), port)) {
                measureProcessing(engine, port, connections);
            }
        }
        if (heapMinutes > 0) {
            port = freePort();
            try (MedRelayEngine engine = startEngine(Files.createTempDirectory(dataDir, "heap"), port)) {
                measureHeap(engine, port, connections, heapMinutes);
            }
        }
    }

    /**
     * Heap of the ingest path over a long run, the queue emptied as in series 2: a backlog growing without end
     * costs the broker some heap per message even when paged, which would hide what the ingest path holds.
     */
    private static void measureHeap(MedRelayEngine engine, int port, int connections, int minutes) throws Exception {
        drainQueue(engine);
        for (int minute = 1; minute <= minutes; minute++) {
            LoadResult load = MllpLoad.run(port, connections, 1, Duration.ofMinutes(1), "h" + minute);
            System.gc();
            System.out.printf("minute %2d: heap after GC %4d MiB   ingest %s%n", minute,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, load.describe());
        }
    }

    /**
     * Processing stopped, a plain consumer takes messages off the queue as fast as they come, as processing
     * does where it keeps up. Measured here: lockstep ingest runs at about half the rate while the queue
     * only fills, so a benchmark without a consumer would measure a backlog, not steady operation.
     */
    private static void drainQueue(MedRelayEngine engine) throws Exception {
        engine.camelContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:{{medrelay.hl7.inbound-queue}}?concurrentConsumers=2&cacheLevelName=CACHE_CONSUMER")
                        .routeId("bench-queue-drain").stop();
            }
        });
    }

    /**
     * Series 4: a backlog of {@value #BACKLOG} messages accepted with processing stopped, then processing
     * started and timed until the backlog is in the sandbox EHR (bounded by {@value #DRAIN_LIMIT_SECONDS} s).
     */
    private static void measureProcessing(MedRelayEngine engine, int port, int connections) throws Exception {
        MllpLoad.run(port, connections, 1, Duration.ofMinutes(2), BACKLOG / connections, "d");
        long queued = (long) (BACKLOG / connections) * connections;
        long started = System.nanoTime();
        engine.camelContext().getRouteController().startRoute("hl7-process");
        engine.camelContext().getRouteController().startRoute("hl7-process-message");
        long deadline = started + Duration.ofSeconds(DRAIN_LIMIT_SECONDS).toNanos();
        long done = 0;
        long halfDoneAt = 0;
        long doneAtHalf = 0;
        while (done < queued && System.nanoTime() < deadline) {
            Thread.sleep(200);
            done = processed(engine);
            if (halfDoneAt == 0 && done >= queued / 2) {
                halfDoneAt = System.nanoTime();
                doneAtHalf = done;
            }
        }
        long ended = System.nanoTime();
        // The second half leaves out the JIT warming up on the first thousands of messages.
        double seconds = (ended - started) / 1e9;
        String rate = halfDoneAt == 0 ? String.format("%,.0f msg/s overall", done / seconds)
                : String.format("second half at %,.0f msg/s", (done - doneAtHalf) / ((ended - halfDoneAt) / 1e9));
        System.out.printf("medrelay  processing (parse, map, write to the sandbox EHR): %,d of %,d queued in %.0f s, %s%n",
                done, queued, seconds, rate);
    }

    private static long processed(MedRelayEngine engine) throws Exception {
        return engine.messageLog().countByStatus(MessageStatus.PROCESSED);
    }

    private static void report(String label, LoadResult result, LoadResult baseline) {
        System.out.printf("%-62s %s   ratio %.2f%n", label, result.describe(), result.perSecond() / baseline.perSecond());
    }

    private static LoadResult measureBaseline(int connections, Duration warmup, Duration window) throws Exception {
        int port = freePort();
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mllp://127.0.0.1:" + port + "?autoAck=true&maxConcurrentConsumers=" + (connections * 2))
                        .routeId("baseline-auto-ack").log(org.apache.camel.LoggingLevel.TRACE, "${header.CamelMllpMessageControlId}");
            }
        });
        camel.start();
        try {
            MllpLoad.run(port, connections, 1, warmup, "bw");
            return MllpLoad.run(port, connections, 1, window, "b");
        } finally {
            camel.stop();
        }
    }

    /** The engine on its embedded defaults, on loopback ports, with processing stopped until started. */
    private static MedRelayEngine startEngine(Path dataDir, int mllpPort) throws Exception {
        Properties system = new Properties();
        system.setProperty("medrelay.data.dir", dataDir.toString());
        system.setProperty("medrelay.mllp.host", "127.0.0.1");
        system.setProperty("medrelay.mllp.port", String.valueOf(mllpPort));
        system.setProperty("medrelay.fhir.sandbox.host", "127.0.0.1");
        system.setProperty("medrelay.fhir.sandbox.port", String.valueOf(freePort()));
        system.setProperty("medrelay.hl7.processing.auto-startup", "false");
        return new MedRelayEngine(EngineProperties.load(null, new HashMap<>(), system)).start();
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
