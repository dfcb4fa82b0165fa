package org.medrelay.mappings.hl7v2;

/**
 * Bounds on one message, checked before HAPI builds its object tree, so that a hostile or broken
 * input (fuzzer files, a binary file dropped in the inbox) costs bounded time and memory.
 *
 * @param maxMessageChars       characters in one message; the corpus' largest real message is 90 KB
 * @param maxSegments           segments in one message
 * @param maxDelimitersPerSegment field, repetition, component and sub-component separators in one
 *                              segment: HAPI allocates an object per piece
 */
public record Hl7Limits(int maxMessageChars, int maxSegments, int maxDelimitersPerSegment) {

    /** 16 MiB, 50,000 segments, 65,536 delimiters a segment: far above any real message. */
    public static final Hl7Limits DEFAULT = new Hl7Limits(16 * 1024 * 1024, 50_000, 65_536);

    public Hl7Limits {
        if (maxMessageChars <= 0 || maxSegments <= 0 || maxDelimitersPerSegment <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
