package org.medrelay.bench;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.medrelay.routes.engine.EngineProperties;
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
 * with no storage or processing. Every MedRelay ACK means the message is persisted (Artemis journal synced);
 * processing into the sandbox FHIR server runs alongside, as in production.
 *
 * <p>Options: {@code --connections N} (8), {@code --seconds S} (30), {@code --heap-minutes M} (0: a run of M
 * minutes against MedRelay printing heap after GC once a minute).
 */
public final class MllpIngestBenchmark {

    public static void main(String[] args) throws Exception {
        int connections = intOption(args, "--connections", 8);
        Duration window = Duration.ofSeconds(intOption(args, "--seconds", 30));
        int heapMinutes = intOption(args, "--heap-minutes", 0);
        Duration warmup = Duration.ofSeconds(5);

        System.out.printf("MLLP ingest, %d connections, %d s per measurement, %d cores%n", connections,
                window.toSeconds(), Runtime.getRuntime().availableProcessors());
        LoadResult baseline = measureBaseline(connections, warmup, window);
        System.out.println("baseline  camel-mllp auto-ACK, no storage: " + baseline.describe());
        LoadResult medrelay = measureMedRelay(connections, warmup, window, heapMinutes);
        System.out.println("medrelay  durable ingest (ACK after fsync): " + medrelay.describe());
        System.out.printf("ratio     medrelay / baseline throughput: %.2f%n", medrelay.perSecond() / baseline.perSecond());
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
            MllpLoad.run(port, connections, warmup, "bw");
            return MllpLoad.run(port, connections, window, "b");
        } finally {
            camel.stop();
        }
    }

    private static LoadResult measureMedRelay(int connections, Duration warmup, Duration window, int heapMinutes)
            throws Exception {
        Path dataDir = Files.createTempDirectory("medrelay-bench");
        int mllpPort = freePort();
        int fhirPort = freePort();
        Properties system = new Properties();
        system.setProperty("medrelay.data.dir", dataDir.toString());
        system.setProperty("medrelay.mllp.host", "127.0.0.1");
        system.setProperty("medrelay.mllp.port", String.valueOf(mllpPort));
        system.setProperty("medrelay.fhir.sandbox.host", "127.0.0.1");
        system.setProperty("medrelay.fhir.sandbox.port", String.valueOf(fhirPort));
        try (MedRelayEngine engine = new MedRelayEngine(EngineProperties.load(null, new HashMap<>(), system)).start()) {
            MllpLoad.run(mllpPort, connections, warmup, "mw");
            LoadResult result = MllpLoad.run(mllpPort, connections, window, "m");
            for (int minute = 1; minute <= heapMinutes; minute++) {
                LoadResult load = MllpLoad.run(mllpPort, connections, Duration.ofMinutes(1), "h" + minute);
                System.gc();
                System.out.printf("heap after minute %2d: %5d MiB used   %s%n", minute,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, load.describe());
            }
            return result;
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
