package org.medrelay.processors.hl7;

/**
 * Bytes that arrived on an MLLP connection outside a well-formed frame (no start block, a frame cut off
 * by the connection closing, a frame over the size limit), kept as received so an interface engineer
 * can see what the sender did.
 */
public record MllpFramingError(String reason, byte[] bytes) {
}
