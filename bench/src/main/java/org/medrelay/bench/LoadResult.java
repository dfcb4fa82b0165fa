package org.medrelay.bench;

import java.util.Arrays;

/** Round trips completed in a measured window, with ACK latency percentiles. */
record LoadResult(long messages, double seconds, long[] latenciesNanos) {

    double perSecond() {
        return messages / seconds;
    }

    double percentileMillis(double p) {
        if (latenciesNanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    String describe() {
        return String.format("%,10.0f msg/s   p50 %6.2f ms   p99 %6.2f ms   (%,d round trips in %.0f s)",
                perSecond(), percentileMillis(50), percentileMillis(99), messages, seconds);
    }
}
