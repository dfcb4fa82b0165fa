package org.medrelay.processors.referral;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.processors.review.WorkItemPriority;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per intake rule, on REF^I12 messages mapped as hl7-process maps them, and on FHIR ServiceRequests. */
class ReferralTriageTest {

    private static final String CARD = "CARD^Cardiology^L";
    private static final String ANGINA = "I20.9^Angina pectoris, unspecified^I10C";
    private static final String AETNA = "60054^Aetna";
    private final ReferralTriage triage = new ReferralTriage(IntakeRules.builtIn());

    private ReferralDecision triage(String message) throws Exception {
        Bundle bundle = new Hl7ToFhirMapper().toBundle(message);
        ServiceRequest referral = resource(bundle, ServiceRequest.class).orElseThrow();
        return triage.triage(referral, resource(bundle, Coverage.class));
    }

    private static String ref(String priority, String specialty, String reason, String payer) {
        return Referrals.refI12("MSG1", "REF7001", "MRN7001", priority, specialty, reason, payer, Referrals.OTHER_NPI);
    }

    @Test
    void aReferralMeetingEveryRuleIsScheduledAtItsOwnPriority() throws Exception {
        ReferralDecision decision = triage(ref("R^Routine^HL70280", CARD, ANGINA, AETNA));
        assertEquals(ReferralOutcome.SCHEDULE, decision.outcome());
        assertEquals(WorkItemPriority.ROUTINE, decision.priority());
        assertEquals("CARD", decision.specialty());
        assertEquals(List.of(), decision.missing());
        assertEquals(List.of("specialty offered: CARD", "plan accepted: 60054"), decision.reasons());
    }

    @Test
    void aSpecialtyNotOfferedIsNotAccepted() throws Exception {
        ReferralDecision decision = triage(ref("R", "DERM^Dermatology^L", ANGINA, AETNA));
        assertEquals(ReferralOutcome.NOT_ACCEPTED, decision.outcome());
        assertTrue(decision.reasons().contains("specialty not offered: DERM, Dermatology"), decision.reasons().toString());
    }

    @Test
    void aSpecialtyMatchesByItsNameToo() throws Exception {
        assertEquals("ENDO", triage(ref("R", "X99^endocrinology^L", ANGINA, AETNA)).specialty());
    }

    @Test
    void aPlanNotAcceptedIsNotAccepted() throws Exception {
        ReferralDecision decision = triage(ref("R", CARD, ANGINA, "99999^Nowhere Health"));
        assertEquals(ReferralOutcome.NOT_ACCEPTED, decision.outcome());
        assertTrue(decision.reasons().contains("plan not accepted: 99999, Synthetic Payer"), decision.reasons().toString());
    }

    @Test
    void noCoverageIsAskedFor() throws Exception {
        ReferralDecision decision = triage(ref("R", CARD, ANGINA, null));
        assertEquals(ReferralOutcome.MISSING_INFORMATION, decision.outcome());
        assertEquals(List.of("coverage"), decision.missing());
    }

    @Test
    void aMissingReasonForReferralIsAskedFor() throws Exception {
        ReferralDecision decision = triage(ref("R", CARD, "", AETNA));
        assertEquals(ReferralOutcome.MISSING_INFORMATION, decision.outcome());
        assertEquals(List.of("reason"), decision.missing());
    }

    @Test
    void missingNotesAndImagingAreAskedForOnlyWhereTheRulesWantThem() throws Exception {
        Bundle bundle = new Hl7ToFhirMapper().toBundle(ref("R", "GI^Gastroenterology^L", "K92.2^GI hemorrhage^I10C", AETNA));
        ServiceRequest referral = resource(bundle, ServiceRequest.class).orElseThrow();
        Optional<Coverage> coverage = resource(bundle, Coverage.class);
        assertEquals(List.of("notes", "imaging"), triage.triage(referral, coverage).missing());

        referral.addNote().setText("Seen 2026-11-01, two episodes of melena.");
        referral.addSupportingInfo(new Reference("DiagnosticReport/9"));
        ReferralDecision complete = triage.triage(referral, coverage);
        assertEquals(ReferralOutcome.SCHEDULE, complete.outcome());

        Bundle cardio = new Hl7ToFhirMapper().toBundle(ref("R", CARD, ANGINA, AETNA));
        assertEquals(List.of(), triage.triage(resource(cardio, ServiceRequest.class).orElseThrow(),
                resource(cardio, Coverage.class)).missing(), "notes and imaging are required for GI only");
    }

    @Test
    void anUrgencyWordRaisesThePriorityButNeverLowersIt() throws Exception {
        ReferralDecision raised = triage(ref("R", CARD, "R07.9^Chest pain, unspecified^I10C", AETNA));
        assertEquals(WorkItemPriority.URGENT, raised.priority());
        assertTrue(raised.reasons().contains("urgency word 'chest pain': urgent"), raised.reasons().toString());

        assertEquals(WorkItemPriority.STAT, triage(ref("S^Stat^HL70280", CARD, "R07.9^Chest pain, unspecified^I10C", AETNA))
                .priority());
        assertEquals(WorkItemPriority.ASAP, triage(ref("A^ASAP^HL70280", CARD, ANGINA, AETNA)).priority());
    }

    @Test
    void aFhirServiceRequestIsTriagedByPerformerType() throws Exception {
        ServiceRequest referral = new ServiceRequest();
        referral.addCategory().addCoding().setSystem("http://snomed.info/sct").setCode("3457005");
        referral.getPerformerType().addCoding().setSystem("http://snomed.info/sct").setCode("394579002").setDisplay("Cardiology");
        referral.addReasonCode().setText("Syncope on exertion");
        referral.addNote().setText("Recent notes attached.");
        Coverage coverage = new Coverage();
        coverage.addPayor().setDisplay("Medicare");
        ReferralDecision decision = triage.triage(referral, Optional.of(coverage));
        assertEquals(ReferralOutcome.SCHEDULE, decision.outcome());
        assertEquals("CARD", decision.specialty());
        assertEquals(WorkItemPriority.ASAP, decision.priority());
    }

    @Test
    void aMalformedRuleStopsLoadingWithItsLine() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntakeRules.read(
                new ByteArrayInputStream("specialty\tCARD\tCardiology\nurgency\tfaint\tsoon\n".getBytes(StandardCharsets.UTF_8)),
                "rules.tsv"));
        assertEquals("rules.tsv line 2: urgency needs a priority (routine, urgent, asap, stat), was 'soon'", e.getMessage());
    }

    static <T> Optional<T> resource(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst();
    }
}
