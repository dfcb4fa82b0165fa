package org.medrelay.bench;

import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives an MLLP listener from N connections, FIFO: each connection has at most {@code window} messages
 * without an ACK (1: send, wait for the ACK, send the next, as the published engine benchmarks count; more:
 * a pipelining sender) and checks that ACKs come back in order. Bounded by time and by a per-connection
 * message cap.
 */
final class MllpLoad {

    private static final int MAX_SAMPLES_PER_CONNECTION = 2_000_000;

    private MllpLoad() {
    }

    static LoadResult run(int port, int connections, int window, Duration duration, String runId) throws Exception {
        return run(port, connections, window, duration, MAX_SAMPLES_PER_CONNECTION, runId);
    }

    static LoadResult run(int port, int connections, int window, Duration duration, int perConnection, String runId)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                results.add(pool.submit(() -> drive(port, connection, window, deadline,
                        Math.min(perConnection, MAX_SAMPLES_PER_CONNECTION), runId)));
            }
            long started = System.nanoTime();
            List<long[]> samples = new ArrayList<>();
            for (Future<long[]> result : results) {
                samples.add(result.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
            return new LoadResult(all.length, seconds, all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] drive(int port, int connection, int window, long deadline, int count, String runId)
            throws Exception {
        long[] latencies = new long[count];
        ArrayDeque<Long> sentAt = new ArrayDeque<>(window);
        ArrayDeque<String> sentIds = new ArrayDeque<>(window);
        int sent = 0;
        int acked = 0;
        try (MllpClient client = new MllpClient("127.0.0.1", port, Duration.ofSeconds(30))) {
            while (true) {
                boolean open = sent < latencies.length && System.nanoTime() < deadline;
                if (open && sentAt.size() < window) {
                    String controlId = runId + "-" + connection + "-" + sent;
                    byte[] message = SyntheticAdt.message(controlId, connection, sent).getBytes(StandardCharsets.US_ASCII);
                    sentAt.add(System.nanoTime());
                    sentIds.add(controlId);
                    client.write(message);
                    sent++;
                    continue;
                }
                if (sentAt.isEmpty()) {
                    break;
                }
                AckSummary ack = AckSummary.of(client.readFrame());
                latencies[acked++] = System.nanoTime() - sentAt.poll();
                String expected = sentIds.poll();
                if (!ack.accepted() || !expected.equals(ack.acknowledgedControlId())) {
                    throw new IllegalStateException("benchmark message " + expected + " answered "
                            + ack.code() + " for " + ack.acknowledgedControlId());
                }
            }
        }
        return Arrays.copyOf(latencies, acked);
    }
}
