package org.medrelay.routes.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures how long one write+fsync takes on the journal's disk, as {@code artemis create} does, so the
 * NIO journal's buffer timeout matches the disk: Artemis then groups the durable sends that arrive
 * within one sync into a single fsync. Bounded in count and time so a slow disk cannot delay start-up.
 */
public final class JournalSyncCalibration {

    private static final int BLOCK_BYTES = 4096;
    private static final int MAX_SYNCS = 100;
    private static final long MAX_NANOS = 1_000_000_000L;
    /** Never below this: faster than a page-cache write means the disk lies about syncing. */
    private static final long FLOOR_NANOS = 50_000L;

    private JournalSyncCalibration() {
    }

    public static long measureSyncNanos(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path probe = Files.createTempFile(directory, "sync-probe", ".tmp");
        try (RandomAccessFile file = new RandomAccessFile(probe.toFile(), "rw");
             FileChannel channel = file.getChannel()) {
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
            long started = System.nanoTime();
            int syncs = 0;
            while (syncs < MAX_SYNCS && System.nanoTime() - started < MAX_NANOS) {
                block.clear();
                channel.write(block, (long) syncs * BLOCK_BYTES);
                channel.force(false);
                syncs++;
            }
            return Math.max(FLOOR_NANOS, (System.nanoTime() - started) / syncs);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
