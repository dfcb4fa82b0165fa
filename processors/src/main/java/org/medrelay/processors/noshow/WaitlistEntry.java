package org.medrelay.processors.noshow;

import java.time.Instant;

/**
 * A patient waiting for an earlier slot of a visit type with a provider.
 *
 * @param wantedBefore only slots starting before this are offered (their current appointment), or null for any
 */
public record WaitlistEntry(long id, String patientKey, String patientReference, String providerId, String visitType,
                            Instant wantedBefore, String status, Instant addedAt, Instant offeredAt, Instant offeredSlotStart) {

    @Override
    public String toString() {
        return "WaitlistEntry[" + id + ", " + status + ", patient " + patientKey + "]";
    }
}
