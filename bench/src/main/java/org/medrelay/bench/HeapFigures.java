package org.medrelay.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap figures the memory claims rest on: what the collector left live, not what happens to be allocated. */
final class HeapFigures {

    private HeapFigures() {
    }

    /** What the collector left live after its last run, summed over the heap pools. */
    static long liveAfterCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    /**
     * The most the old generation held at any point of the run: what outlived young collections, so what a
     * streaming reader kept. (Its after-collection figure stays 0 until the old generation itself is collected.)
     */
    static long oldGenerationPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
