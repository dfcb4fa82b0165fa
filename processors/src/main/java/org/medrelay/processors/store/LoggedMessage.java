package org.medrelay.processors.store;

import java.time.Instant;

/**
 * A message of the message log with its raw copy, for `medrelay messages show`. The raw copy holds PHI:
 * {@link #toString()} names the message by its ids and the copy by its size.
 *
 * @param rawCopy   the bytes as received, in clear; null for a message logged before raw copies were kept
 * @param rawSha256 the SHA-256 (hex) recorded with the copy when it was stored
 */
public record LoggedMessage(long id, String dedupKey, String controlId, String messageType, String version,
                            MessageStatus status, Instant receivedAt, Instant processedAt, String charset,
                            String rawSha256, byte[] rawCopy) {

    @Override
    public String toString() {
        return "LoggedMessage[" + id + ", " + dedupKey + ", " + messageType + ", " + status + ", "
                + (rawCopy == null ? "no raw copy" : rawCopy.length + " bytes") + "]";
    }
}
