package org.medrelay.processors.eligibility;

import org.medrelay.mappings.x12.ControlNumbers;

import java.util.EnumMap;
import java.util.Map;

/** Hands out the numbers of another {@link ControlNumbers} and remembers the last of each kind: what a 270 was sent under. */
final class RecordingControlNumbers implements ControlNumbers {

    private final ControlNumbers numbers;
    private final Map<Kind, Long> last = new EnumMap<>(Kind.class);

    RecordingControlNumbers(ControlNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public long next(Kind kind) {
        long next = numbers.next(kind);
        last.put(kind, next);
        return next;
    }

    /** As written: ISA13 nine digits, GS06 as is, ST02 at least four digits. */
    SentEnvelope lastEnvelope() {
        return new SentEnvelope(String.format("%09d", last.get(Kind.INTERCHANGE)), String.valueOf(last.get(Kind.GROUP)),
                String.format("%04d", last.get(Kind.TRANSACTION_SET)));
    }
}
