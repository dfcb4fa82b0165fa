package org.medrelay.processors.remittance;

import java.util.Optional;

/**
 * What became of one 835 file: processed, quarantined or a duplicate (nothing done), its id in the store, how many
 * claims and work items, and the TA1/999 to drop in the outbox (when configured).
 */
public record InboxOutcome(Admission.Kind admission, boolean quarantined, long fileId, int claims, int workItems,
                           Optional<byte[]> acknowledgment) {
}
