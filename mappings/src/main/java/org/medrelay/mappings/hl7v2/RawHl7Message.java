package org.medrelay.mappings.hl7v2;

/**
 * One message cut out of a file by {@link Hl7BatchReader}, still undecoded: each message may declare
 * its own MSH-18 character set.
 *
 * @param ordinal   1-based position of the message in the file
 * @param firstLine 1-based line of the file where its MSH starts, for error reports
 * @param bytes     the segments, each ended by CR
 */
public record RawHl7Message(int ordinal, int firstLine, byte[] bytes) {
}
