package org.medrelay.processors.fax.intake;

import org.junit.jupiter.api.Test;
import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.fax.FaxFields;
import org.medrelay.processors.fax.FaxType;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.refill.RefillFaxTriage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refill-request fax refill triage cannot take (no medication read) still reaches the clinician, saying why. */
class FaxWorkItemsTest {

    private final FaxWorkItems workItems = new FaxWorkItems(null, Duration.ofHours(24),
            Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC));
    private final MatchCandidate patient = new MatchCandidate(new PatientRef("Patient/12", "0123456789abcdef0123456789abcdef"), 0.8,
            List.of("member id", "birth date"));

    @Test
    void aRefillFaxWithNoMedicationReadGoesToTheClinicianWithTheReason() throws Exception {
        FaxClassification noDrug = refillFax(null);
        assertFalse(RefillFaxTriage.triageable(noDrug));

        NewWorkItem item = workItems.routed(FaxRouting.of(FaxType.REFILL_REQUEST).orElseThrow(), 7, noDrug, FaxSidecar.NONE,
                patient, "DocumentReference/3");

        assertEquals(WorkQueue.CLINICIAN, item.queue());
        assertEquals("refill-request", item.type().code());
        assertEquals("fax", item.workflow());
        assertEquals("fax refill-request, filed on the matched chart (Patient/12: 0.80 (member id, birth date))",
                item.suiteResult().reasons().get(0));
        assertEquals("no medication could be read off the fax: not run through refill triage", item.suiteResult().reasons().get(1));
    }

    @Test
    void aRefillFaxWithItsMedicationCarriesNoSuchReason() throws Exception {
        FaxClassification withDrug = refillFax("Lisinopril 10 mg tablet");
        assertTrue(RefillFaxTriage.triageable(withDrug));

        NewWorkItem item = workItems.routed(FaxRouting.of(FaxType.REFILL_REQUEST).orElseThrow(), 7, withDrug, FaxSidecar.NONE,
                patient, "DocumentReference/3");

        assertFalse(item.suiteResult().reasons().stream().anyMatch(r -> r.startsWith("no medication")),
                item.suiteResult().reasons().toString());
        assertTrue(item.suiteResult().reasons().contains("medication: Lisinopril 10 mg tablet"));
    }

    private static FaxClassification refillFax(String medication) {
        return new FaxClassification(FaxType.REFILL_REQUEST, 0.95, false, new FaxFields("Ada Testperson",
                LocalDate.of(1970, 1, 2), null, "ZZZ000000001", "Dr. Test Prescriber", null, medication, null, List.of()),
                List.of("refill request wording"));
    }
}
