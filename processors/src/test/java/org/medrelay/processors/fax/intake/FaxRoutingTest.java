package org.medrelay.processors.fax.intake;

import org.junit.jupiter.api.Test;
import org.medrelay.processors.fax.FaxType;
import org.medrelay.processors.review.WorkQueue;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FaxRoutingTest {

    @Test
    void eachFaxTypeGoesToItsTeamAndMarketingNowhere() {
        assertEquals(WorkQueue.CLINICIAN, FaxRouting.of(FaxType.LAB_RESULT).orElseThrow().queue());
        assertEquals(WorkQueue.CLINICIAN, FaxRouting.of(FaxType.IMAGING_REPORT).orElseThrow().queue());
        assertEquals(WorkQueue.SCHEDULING, FaxRouting.of(FaxType.REFERRAL).orElseThrow().queue());
        assertEquals(WorkQueue.PRIOR_AUTH, FaxRouting.of(FaxType.PRIOR_AUTH_RESPONSE).orElseThrow().queue());
        assertEquals(WorkQueue.RECORDS, FaxRouting.of(FaxType.RECORDS_REQUEST).orElseThrow().queue());
        assertEquals("refill-request", FaxRouting.of(FaxType.REFILL_REQUEST).orElseThrow().type().code());
        assertEquals(WorkQueue.BILLING, FaxRouting.of(FaxType.BILLING).orElseThrow().queue());
        assertEquals(Optional.empty(), FaxRouting.of(FaxType.MARKETING));
        assertEquals(FaxRouting.TRIAGE, FaxRouting.of(FaxType.OTHER).orElseThrow());
        assertEquals("fax-triage", FaxRouting.TRIAGE.type().code());
    }
}
