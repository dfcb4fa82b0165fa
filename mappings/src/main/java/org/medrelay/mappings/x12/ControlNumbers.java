package org.medrelay.mappings.x12;

/**
 * Where the control numbers of what MedRelay sends come from: ISA13, GS06 and ST02. The engine keeps them in
 * its store so they stay unique across restarts; tests and the CLI use {@link SequentialControlNumbers}.
 */
public interface ControlNumbers {

    enum Kind {
        /** ISA13 / IEA02, nine digits. */
        INTERCHANGE,
        /** GS06 / GE02, up to nine digits. */
        GROUP,
        /** ST02 / SE02, four to nine characters. */
        TRANSACTION_SET
    }

    /** The next unused number of this kind, positive and at most 999,999,999. */
    long next(Kind kind);
}
