package org.medrelay.processors.review;

import java.time.Instant;

/**
 * One switch of a workflow's operating mode, as recorded.
 *
 * @param gate the live gate's figures when switching to live; null otherwise
 */
public record ModeChange(String workflow, OperatingMode from, OperatingMode to, String changedBy, Instant changedAt,
                         LiveGateCheck gate) {
}
