package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a refill request against the practice's protocols and the patient's chart, and classifies it
 * {@code routine}, {@code needs-review} or {@code needs-visit}, saying why in words and which chart facts decided it.
 * Rules, per protocol the drug falls under:
 * <ul>
 *   <li>Schedule II: never refilled, a new prescription is needed (21 CFR 1306.12): needs-review;</li>
 *   <li>no visit with the prescriber within the interval: needs-visit;</li>
 *   <li>the monitoring lab or a blood pressure not on file within its window: needs-review;</li>
 *   <li>no earlier prescription of the drug on the chart: needs-review (a refill continues one).</li>
 * </ul>
 * A controlled drug of Schedule III-V may be routine, but its work item always waits for the prescriber.
 * A drug no protocol covers, a request naming no prescriber, or a patient the EHR does not have: needs-review.
 * Pure: the chart is read before ({@link ChartReader}), so the same chart and clock give the same decision.
 */
public final class RefillTriage {

    static final String LOINC = "http://loinc.org";
    /** Blood pressure panel, systolic, diastolic, and the vital-signs BP panel. */
    static final Set<String> BLOOD_PRESSURE = Set.of("85354-9", "8480-6", "8462-4", "55284-4");
    private static final Set<String> RESULTED = Set.of("final", "amended", "corrected");
    private static final Set<String> NOT_A_VISIT = Set.of("planned", "cancelled", "entered-in-error", "unknown");

    private final RefillProtocols protocols;
    private final Clock clock;

    public RefillTriage(RefillProtocols protocols, Clock clock) {
        this.protocols = protocols;
        this.clock = clock;
    }

    public RefillDecision triage(MedicationRequest request, Chart chart) {
        Outcome outcome = new Outcome();
        String drug = RefillProtocols.drugName(request.getMedicationCodeableConcept()).strip();
        outcome.fact("drug", drug.isEmpty() ? "unnamed" : drug, null);
        List<RefillProtocol> covering = protocols.covering(request.getMedicationCodeableConcept());
        DeaSchedule schedule = covering.stream().map(RefillProtocol::schedule).filter(DeaSchedule::controlled)
                .min(Comparator.naturalOrder()).orElse(DeaSchedule.NONE);
        if (covering.isEmpty()) {
            outcome.review("no refill protocol covers " + (drug.isEmpty() ? "the drug requested" : drug));
        } else {
            outcome.fact("drug-class", String.join(", ", covering.stream().map(RefillProtocol::drugClass).toList()), null);
        }
        if (schedule.controlled()) {
            outcome.fact("dea-schedule", schedule.name(), null);
            if (schedule.refillable()) {
                // May be routine; the work item still waits for the prescriber in every mode (ControlledSubstanceIntake).
                outcome.met("controlled substance (Schedule " + schedule + "): the prescriber signs every refill");
            } else {
                outcome.review("Schedule II: cannot be refilled, the prescriber must write a new prescription");
            }
        }
        if (chart.patient().isEmpty()) {
            outcome.review("the patient was not found in the EHR: the chart could not be checked");
            return outcome.decision(schedule, covering);
        }
        Prescriber prescriber = new Prescriber(request.getRequester());
        if (!prescriber.named()) {
            outcome.review("the request names no prescriber");
        } else {
            outcome.fact("prescriber", prescriber.describe(), null);
        }
        previousPrescription(request, chart, covering, outcome);
        for (RefillProtocol protocol : covering) {
            if (prescriber.named()) {
                lastVisit(protocol, prescriber, chart, outcome);
            }
            protocol.lab().ifPresent(lab -> latest(lab.name(), lab.loincCodes(), lab.withinDays(), protocol, chart, outcome));
            protocol.bloodPressureWithinDays().ifPresent(days ->
                    latest("blood pressure", BLOOD_PRESSURE, days, protocol, chart, outcome));
        }
        return outcome.decision(schedule, covering);
    }

    private void lastVisit(RefillProtocol protocol, Prescriber prescriber, Chart chart, Outcome outcome) {
        Optional<Encounter> last = chart.encounters().stream()
                .filter(e -> !e.hasStatus() || !NOT_A_VISIT.contains(e.getStatus().toCode()))
                .filter(prescriber::saw)
                .filter(e -> ChartDates.of(e).filter(d -> !d.isAfter(clock.instant())).isPresent())
                .max(Comparator.comparing(e -> ChartDates.of(e).orElseThrow()));
        String fact = "last-visit-with-prescriber";
        if (last.isEmpty()) {
            outcome.fact(fact, "none", null);
            outcome.visit(protocol.drugClass() + ": no visit with the prescriber on the chart; the protocol asks for one"
                    + " within " + protocol.visitWithinDays() + " days");
            return;
        }
        Instant when = ChartDates.of(last.get()).orElseThrow();
        outcome.fact(fact, date(when), reference(last.get().getIdElement().getIdPart(), "Encounter"));
        if (within(when, protocol.visitWithinDays())) {
            outcome.met(protocol.drugClass() + ": seen by the prescriber on " + date(when) + ", within "
                    + protocol.visitWithinDays() + " days");
        } else {
            outcome.visit(protocol.drugClass() + ": last visit with the prescriber " + date(when) + ", more than "
                    + protocol.visitWithinDays() + " days ago");
        }
    }

    private void latest(String name, Set<String> loincCodes, int withinDays, RefillProtocol protocol, Chart chart,
                        Outcome outcome) {
        Optional<Observation> last = chart.observations().stream()
                .filter(o -> o.hasStatus() && RESULTED.contains(o.getStatus().toCode()))
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> isLoinc(c) && loincCodes.contains(c.getCode())))
                .filter(o -> ChartDates.of(o).filter(d -> !d.isAfter(clock.instant())).isPresent())
                .max(Comparator.comparing(o -> ChartDates.of(o).orElseThrow()));
        String fact = "last-" + name.replace(' ', '-');
        if (last.isEmpty()) {
            outcome.fact(fact, "none", null);
            outcome.review(protocol.drugClass() + ": no " + name + " on file; the protocol asks for one within "
                    + withinDays + " days");
            return;
        }
        Instant when = ChartDates.of(last.get()).orElseThrow();
        String value = ChartDates.valueOf(last.get());
        outcome.fact(fact, date(when) + (value.isEmpty() ? "" : ": " + value),
                reference(last.get().getIdElement().getIdPart(), "Observation"));
        if (within(when, withinDays)) {
            outcome.met(protocol.drugClass() + ": " + name + " on " + date(when) + ", within " + withinDays + " days");
        } else {
            outcome.review(protocol.drugClass() + ": last " + name + " " + date(when) + ", more than " + withinDays
                    + " days ago");
        }
    }

    /** A refill continues a prescription: an earlier MedicationRequest of the same drug or drug class. */
    private void previousPrescription(MedicationRequest request, Chart chart, List<RefillProtocol> covering, Outcome outcome) {
        Optional<MedicationRequest> last = chart.medicationRequests().stream()
                .filter(m -> !sameRequest(m, request))
                .filter(m -> sameDrug(m, request, covering))
                .filter(m -> ChartDates.of(m).filter(d -> !d.isAfter(clock.instant())).isPresent())
                .max(Comparator.comparing(m -> ChartDates.of(m).orElseThrow()));
        if (last.isEmpty()) {
            outcome.fact("last-prescribed", "none", null);
            outcome.review("no earlier prescription of this drug on the chart: a refill continues an existing one");
            return;
        }
        Instant when = ChartDates.of(last.get()).orElseThrow();
        outcome.fact("last-prescribed", date(when) + " (" + last.get().getStatus().toCode() + ")",
                reference(last.get().getIdElement().getIdPart(), "MedicationRequest"));
        outcome.met("prescribed before, on " + date(when));
    }

    private boolean sameDrug(MedicationRequest earlier, MedicationRequest request, List<RefillProtocol> covering) {
        if (!covering.isEmpty()) {
            List<RefillProtocol> earlierClasses = protocols.covering(earlier.getMedicationCodeableConcept());
            return earlierClasses.stream().anyMatch(covering::contains);
        }
        return RefillProtocols.drugText(earlier.getMedicationCodeableConcept())
                .equals(RefillProtocols.drugText(request.getMedicationCodeableConcept()));
    }

    /** The request itself, already written to the EHR by the time the engine triages it. */
    private static boolean sameRequest(MedicationRequest candidate, MedicationRequest request) {
        if (request.getIdElement().hasIdPart() && request.getIdElement().getIdPart().equals(candidate.getIdElement().getIdPart())) {
            return true;
        }
        for (Identifier mine : request.getIdentifier()) {
            for (Identifier theirs : candidate.getIdentifier()) {
                if (mine.hasValue() && mine.getValue().equals(theirs.getValue())
                        && java.util.Objects.equals(mine.getSystem(), theirs.getSystem())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean within(Instant when, int days) {
        return !when.isBefore(clock.instant().minus(Duration.ofDays(days)));
    }

    private String date(Instant when) {
        return LocalDate.ofInstant(when, clock.getZone()).toString();
    }

    private static String reference(String id, String type) {
        return id == null ? null : type + "/" + id;
    }

    private static boolean isLoinc(Coding coding) {
        return LOINC.equals(coding.getSystem());
    }

    /** The class so far, its reasons and facts. */
    private static final class Outcome {
        private RefillClass refillClass = RefillClass.ROUTINE;
        private final List<String> reasons = new ArrayList<>();
        private final List<ChartFact> facts = new ArrayList<>();

        void met(String reason) {
            reasons.add(reason);
        }

        void review(String reason) {
            refillClass = refillClass.atLeast(RefillClass.NEEDS_REVIEW);
            reasons.add(reason);
        }

        void visit(String reason) {
            refillClass = refillClass.atLeast(RefillClass.NEEDS_VISIT);
            reasons.add(reason);
        }

        void fact(String fact, String value, String reference) {
            if (facts.stream().noneMatch(f -> f.fact().equals(fact))) {
                facts.add(new ChartFact(fact, value, reference));
            }
        }

        RefillDecision decision(DeaSchedule schedule, List<RefillProtocol> covering) {
            return new RefillDecision(refillClass, reasons, facts, schedule,
                    covering.stream().map(RefillProtocol::drugClass).toList());
        }
    }
}
