package org.medrelay.processors.referral;

import org.medrelay.processors.review.PatientRef;

import java.time.Instant;

/**
 * An outbound referral loop as the store keeps it ({@code referral_loop}, V15).
 *
 * @param referralId     the referral's id as the EHR sent it (RF1-6, ServiceRequest.identifier)
 * @param serviceRequest the EHR's ServiceRequest ({@code ServiceRequest/7}), or null
 * @param nextFollowUp   when the monitor acts next (a follow-up, or the stall alert); null once closed or alerted
 */
public record ReferralLoop(long id, String referralId, PatientRef patient, String serviceRequest, String specialty,
                           ReferralStage stage, Instant stageAt, int followUpsSent, Instant nextFollowUp, Instant alertedAt,
                           Instant openedAt) {
}
