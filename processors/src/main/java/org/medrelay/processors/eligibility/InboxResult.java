package org.medrelay.processors.eligibility;

import java.util.Optional;

/**
 * What became of one file from the clearinghouse's inbox: quarantined or processed, how many responses were matched
 * and unmatched, how many gap work items were made, and the TA1/999 to drop in the outbox (when configured and the
 * file was not itself an acknowledgment).
 */
public record InboxResult(boolean quarantined, int matched, int unmatched, int gapItems, int rejectedRequests,
                          Optional<byte[]> acknowledgment) {
}
