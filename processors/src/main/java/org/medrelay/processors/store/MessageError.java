package org.medrelay.processors.store;

/**
 * A message that could not be accepted or processed, as it is recorded: never with PHI in the
 * reason or trace fields, which come from exceptions that name positions and codes, not values.
 *
 * @param interfaceName the inbound interface (route id) it came from
 * @param errorCode     HL7 table 0357 code where one applies, else null
 * @param rawMessage    the bytes exactly as received
 */
public record MessageError(
        ErrorKind kind,
        String interfaceName,
        String dedupKey,
        String controlId,
        String messageType,
        Integer errorCode,
        String errorLocation,
        String reason,
        String exceptionTrace,
        String charset,
        byte[] rawMessage,
        String remoteAddress) {
}
