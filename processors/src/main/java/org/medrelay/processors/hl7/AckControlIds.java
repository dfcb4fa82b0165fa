package org.medrelay.processors.hl7;

import java.util.concurrent.atomic.AtomicLong;

/**
 * MSH-10 values for our own ACKs: unique within this engine and across restarts (time-based prefix),
 * and short enough for the 20-character ST of HL7 v2.5.
 */
final class AckControlIds {

    private static final long COUNTER_SPAN = 36L * 36 * 36 * 36;
    private static final AtomicLong COUNTER = new AtomicLong();

    private AckControlIds() {
    }

    static String next() {
        long n = COUNTER.getAndIncrement() % COUNTER_SPAN;
        return "MR" + Long.toString(System.currentTimeMillis(), 36).toUpperCase()
                + Long.toString(COUNTER_SPAN + n, 36).substring(1).toUpperCase();
    }
}
