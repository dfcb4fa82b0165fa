package org.medrelay.processors.store;

import java.time.Instant;

/** A row of the error store as listed to an interface engineer (no raw bytes). */
public record StoredError(
        long id,
        ErrorKind kind,
        ErrorStatus status,
        String interfaceName,
        String controlId,
        String messageType,
        Integer errorCode,
        String errorLocation,
        String reason,
        Instant createdAt,
        int reprocessCount) {
}
