package org.medrelay.mappings.x12;

import java.util.EnumMap;
import java.util.Map;

/** Control numbers counted up in memory from a starting value; not persistent. */
public final class SequentialControlNumbers implements ControlNumbers {

    private static final long MAX = 999_999_999L;
    private final Map<Kind, Long> last = new EnumMap<>(Kind.class);

    /** Every kind starts at {@code first}. */
    public SequentialControlNumbers(long first) {
        for (Kind kind : Kind.values()) {
            last.put(kind, first - 1);
        }
    }

    @Override
    public synchronized long next(Kind kind) {
        long next = last.get(kind) % MAX + 1;
        last.put(kind, next);
        return next;
    }
}
