package org.medrelay.processors.refill;

import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per protocol rule, against a chart in the sandbox FHIR server, with the shipped protocol table. */
class RefillTriageTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PATIENT_KEY = "0a1b2c3d4e5f60718293a4b5";

    private final SandboxChart ehr = new SandboxChart(NOW);
    private final HikariDataSource store = StoreDataSources.openAndMigrate(new StoreSettings(
            "jdbc:h2:mem:refill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    private final AuditTrail trail = new AuditTrail(store);
    private final ChartReader charts = new ChartReader(ehr.client, trail, "system:refills", CLOCK);
    private final RefillTriage triage = new RefillTriage(RefillProtocols.builtIn(), CLOCK);
    private final AuditSubject subject = new AuditSubject(PATIENT_KEY, "CPOE|MRH|RX1", "hl7-mllp-in");
    private final String patient = ehr.patient("MRN-R1");

    @AfterEach
    void close() {
        ehr.close();
        store.close();
    }

    private RefillDecision triage(String rxnorm, String drug) throws Exception {
        return triage.triage(SandboxChart.request(patient, rxnorm, drug, SandboxChart.PRESCRIBER_NPI), charts.read(patient, subject));
    }

    private static String fact(RefillDecision decision, String name) {
        return decision.facts().stream().filter(f -> f.fact().equals(name)).findFirst().map(f -> f.value() + " @ " + f.reference())
                .orElse("absent");
    }

    @Test
    void metforminWithARecentVisitA1cAndEarlierPrescriptionIsRoutine() throws Exception {
        String visit = ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 60);
        String a1c = ehr.lab(patient, "4548-4", 30, "7.1", "%");
        ehr.prescribed(patient, "860975", "metFORMIN hydrochloride 500 MG Oral Tablet", 170);

        RefillDecision decision = triage("860975", "metFORMIN hydrochloride 500 MG Oral Tablet");

        assertEquals(RefillClass.ROUTINE, decision.refillClass(), decision.reasons().toString());
        assertEquals(List.of("diabetes"), decision.drugClasses());
        assertEquals("2026-09-25 @ " + visit, fact(decision, "last-visit-with-prescriber"));
        assertEquals("2026-10-25: 7.1 % @ " + a1c, fact(decision, "last-A1C"));
        assertTrue(decision.reasons().contains("diabetes: A1C on 2026-10-25, within 180 days"), decision.reasons().toString());
        assertFalse(decision.controlled());
    }

    @Test
    void noVisitWithThePrescriberWithinTheIntervalNeedsAVisit() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 200);
        ehr.visit(patient, SandboxChart.OTHER_NPI, 10); // another doctor's visit does not count
        ehr.lab(patient, "4548-4", 30, "6.8", "%");
        ehr.prescribed(patient, "860975", "metFORMIN hydrochloride 500 MG Oral Tablet", 170);

        RefillDecision decision = triage("860975", "metFORMIN hydrochloride 500 MG Oral Tablet");

        assertEquals(RefillClass.NEEDS_VISIT, decision.refillClass());
        assertTrue(decision.reasons().contains("diabetes: last visit with the prescriber 2026-05-08, more than 180 days ago"),
                decision.reasons().toString());
    }

    @Test
    void aPatientNeverSeenByThePrescriberNeedsAVisit() throws Exception {
        ehr.lab(patient, "3016-3", 30, "2.1", "mIU/L");
        ehr.prescribed(patient, null, "levothyroxine sodium 50 MCG Oral Tablet", 300);

        RefillDecision decision = triage(null, "Levothyroxine Sodium 50 MCG Oral Tablet");

        assertEquals(RefillClass.NEEDS_VISIT, decision.refillClass());
        assertEquals("none @ null", fact(decision, "last-visit-with-prescriber"));
    }

    @ParameterizedTest(name = "{1}: {3}")
    @CsvSource(delimiter = ';', value = {
            "860975;metFORMIN hydrochloride 500 MG Oral Tablet;4548-4;A1C;180",
            "314076;lisinopril 10 MG Oral Tablet;24323-8;metabolic panel;365",
            ";losartan potassium 50 MG Oral Tablet;2823-3;metabolic panel;365",
            ";hydroCHLOROthiazide 25 MG Oral Tablet;51990-0;metabolic panel;365",
            ";atorvastatin 20 MG Oral Tablet;57698-3;lipid panel;365",
            ";levothyroxine sodium 75 MCG Oral Tablet;3016-3;TSH;365"})
    void eachClassIsRoutineWithItsMonitoringLabInItsWindowAndNeedsReviewWithout(String rxnorm, String drug, String loinc,
                                                                                  String lab, int days) throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 20);
        ehr.bloodPressure(patient, 20);
        ehr.prescribed(patient, rxnorm, drug, 100);
        String stale = ehr.lab(patient, loinc, days + 5, "1", "x");

        RefillDecision withoutRecentLab = triage(rxnorm, drug);
        assertEquals(RefillClass.NEEDS_REVIEW, withoutRecentLab.refillClass(), withoutRecentLab.reasons().toString());
        assertTrue(withoutRecentLab.reasons().stream().anyMatch(r -> r.endsWith("last " + lab + " "
                + CLOCK.instant().minusSeconds((days + 5) * 86400L).toString().substring(0, 10) + ", more than " + days + " days ago")),
                withoutRecentLab.reasons().toString());
        assertTrue(fact(withoutRecentLab, "last-" + lab.replace(' ', '-')).endsWith(stale));

        ehr.lab(patient, loinc, days - 5, "1", "x");
        RefillDecision withRecentLab = triage(rxnorm, drug);
        assertEquals(RefillClass.ROUTINE, withRecentLab.refillClass(), withRecentLab.reasons().toString());
    }

    @Test
    void anAntihypertensiveWithoutABloodPressureOnFileNeedsReview() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 20);
        ehr.lab(patient, "24323-8", 20, "1", "panel");
        ehr.prescribed(patient, "314076", "lisinopril 10 MG Oral Tablet", 100);

        RefillDecision decision = triage("314076", "lisinopril 10 MG Oral Tablet");

        assertEquals(RefillClass.NEEDS_REVIEW, decision.refillClass());
        assertTrue(decision.reasons().contains("ace-inhibitor: no blood pressure on file; the protocol asks for one within 365 days"),
                decision.reasons().toString());

        String bp = ehr.bloodPressure(patient, 40);
        RefillDecision withBp = triage("314076", "lisinopril 10 MG Oral Tablet");
        assertEquals(RefillClass.ROUTINE, withBp.refillClass(), withBp.reasons().toString());
        assertEquals("2026-10-15: 128/82 mm[Hg] @ " + bp, fact(withBp, "last-blood-pressure"));
    }

    @Test
    void scheduleIIIsNeverRoutineEvenWithEveryRuleMet() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 5);
        ehr.prescribed(patient, "1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet", 25);

        RefillDecision decision = triage("1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet");

        assertEquals(RefillClass.NEEDS_REVIEW, decision.refillClass());
        assertEquals(DeaSchedule.II, decision.schedule());
        assertTrue(decision.reasons().contains("Schedule II: cannot be refilled, the prescriber must write a new prescription"));
        assertEquals("II @ null", fact(decision, "dea-schedule"));
    }

    @Test
    void aScheduleIvDrugMeetingItsProtocolIsRoutineButControlled() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 30);
        ehr.prescribed(patient, null, "zolpidem tartrate 5 MG Oral Tablet", 30);

        RefillDecision decision = triage(null, "zolpidem tartrate 5 MG Oral Tablet");

        assertEquals(RefillClass.ROUTINE, decision.refillClass(), decision.reasons().toString());
        assertEquals(DeaSchedule.IV, decision.schedule());
        assertTrue(decision.controlled());
        assertTrue(decision.reasons().contains("controlled substance (Schedule IV): the prescriber signs every refill"));
    }

    @Test
    void aDrugNoProtocolCoversNeedsReview() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 30);

        RefillDecision decision = triage("197361", "Amoxicillin 500 MG Oral Capsule");

        assertEquals(RefillClass.NEEDS_REVIEW, decision.refillClass());
        assertTrue(decision.reasons().contains("no refill protocol covers Amoxicillin 500 MG Oral Capsule"), decision.reasons().toString());
        assertEquals(List.of(), decision.drugClasses());
    }

    @Test
    void aDrugNeverPrescribedBeforeNeedsReview() throws Exception {
        ehr.visit(patient, SandboxChart.PRESCRIBER_NPI, 30);
        ehr.lab(patient, "57698-3", 30, "180", "mg/dL");

        RefillDecision decision = triage(null, "rosuvastatin calcium 10 MG Oral Tablet");

        assertEquals(RefillClass.NEEDS_REVIEW, decision.refillClass());
        assertTrue(decision.reasons().contains("no earlier prescription of this drug on the chart: a refill continues an existing one"));
    }

    @Test
    void aPatientTheEhrDoesNotHaveNeedsReview() throws Exception {
        MedicationRequest request = SandboxChart.request("Patient/no-such-patient", "860975", "metformin", SandboxChart.PRESCRIBER_NPI);

        RefillDecision decision = triage.triage(request, charts.read("Patient/no-such-patient", subject));

        assertEquals(RefillClass.NEEDS_REVIEW, decision.refillClass());
        assertTrue(decision.reasons().contains("the patient was not found in the EHR: the chart could not be checked"));
    }

    @Test
    void everyChartReadIsAuditedUnderThePatientKey() throws Exception {
        triage("860975", "metformin");

        List<AuditEntry> reads = trail.newestFirst(AuditQuery.ALL, 20).stream()
                .filter(e -> e.event().action() == AuditAction.READ).toList();
        assertEquals(List.of("MedicationRequest", "Observation", "Encounter", patient),
                reads.stream().map(e -> e.event().target()).toList());
        assertTrue(reads.stream().allMatch(e -> PATIENT_KEY.equals(e.event().patientKey())
                && "system:refills".equals(e.event().actor()) && "CPOE|MRH|RX1".equals(e.event().sourceMessage())));
    }
}
