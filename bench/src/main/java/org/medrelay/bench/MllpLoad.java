package org.medrelay.bench;

import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives an MLLP listener from N connections, each sending a message and waiting for its ACK (FIFO, as the
 * published engine benchmarks count). Bounded by time and by a per-connection message cap.
 */
final class MllpLoad {

    private static final int MAX_SAMPLES_PER_CONNECTION = 2_000_000;

    private MllpLoad() {
    }

    static LoadResult run(int port, int connections, Duration duration, String runId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                results.add(pool.submit(() -> drive(port, connection, deadline, runId)));
            }
            long started = System.nanoTime();
            List<long[]> samples = new ArrayList<>();
            for (Future<long[]> result : results) {
                samples.add(result.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] all = samples.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            return new LoadResult(all.length, seconds, all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] drive(int port, int connection, long deadline, String runId) throws Exception {
        long[] latencies = new long[MAX_SAMPLES_PER_CONNECTION];
        int n = 0;
        try (MllpClient client = new MllpClient("127.0.0.1", port, Duration.ofSeconds(30))) {
            while (n < latencies.length && System.nanoTime() < deadline) {
                byte[] message = SyntheticAdt.message(runId + "-" + connection + "-" + n, connection, n)
                        .getBytes(StandardCharsets.US_ASCII);
                long sent = System.nanoTime();
                AckSummary ack = AckSummary.of(client.send(message));
                latencies[n++] = System.nanoTime() - sent;
                if (!ack.accepted()) {
                    throw new IllegalStateException("benchmark message refused: " + ack.code());
                }
            }
        }
        return java.util.Arrays.copyOf(latencies, n);
    }
}
