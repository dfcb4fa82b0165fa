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
}
