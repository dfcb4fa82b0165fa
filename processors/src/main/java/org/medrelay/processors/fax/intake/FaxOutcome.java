package org.medrelay.processors.fax.intake;

import java.util.Optional;

/**
 * What became of a fax taken in: its row, its status ({@code FILED}, {@code TRIAGED}, {@code ARCHIVED}, or
 * {@code DUPLICATE} when the same bytes were taken in before), and what was made for it.
 */
public record FaxOutcome(long faxId, String status, Optional<String> documentReference, Optional<Long> workItemId) {
}
