package org.medrelay.processors.remittance;

import java.time.Instant;
import java.util.Optional;

/**
 * A file taken in and one of its transaction sets' reports, as kept in the store; a quarantined or unfinished file has
 * no report ({@code reportJson} empty).
 */
public record StoredReport(long fileId, String fileName, String status, Instant receivedAt, String outcome,
                           Optional<String> reportJson) {
}
