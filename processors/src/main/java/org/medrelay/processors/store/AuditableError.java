package org.medrelay.processors.store;

import java.time.Instant;

/**
 * An error-store row not yet recorded in the audit trail, with what its entry needs.
 *
 * @param rawMessage the stored bytes, read only to derive the pseudonymous patient key and the message key
 */
public record AuditableError(
        long id,
        ErrorKind kind,
        String interfaceName,
        Integer errorCode,
        String errorLocation,
        byte[] rawMessage,
        Instant createdAt) {
}
