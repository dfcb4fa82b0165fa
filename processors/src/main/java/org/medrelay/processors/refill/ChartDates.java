package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

import java.time.Instant;
import java.util.Optional;

/** When a chart entry happened, and an observation's value in words; what triage compares and shows. */
final class ChartDates {

    private ChartDates() {
    }

    static Optional<Instant> of(Encounter encounter) {
        if (encounter.getPeriod().hasStart()) {
            return Optional.of(encounter.getPeriod().getStart().toInstant());
        }
        return encounter.getPeriod().hasEnd() ? Optional.of(encounter.getPeriod().getEnd().toInstant()) : Optional.empty();
    }

    static Optional<Instant> of(Observation observation) {
        if (observation.hasEffectiveDateTimeType() && observation.getEffectiveDateTimeType().getValue() != null) {
            return Optional.of(observation.getEffectiveDateTimeType().getValue().toInstant());
        }
        if (observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()) {
            return Optional.of(observation.getEffectivePeriod().getStart().toInstant());
        }
        return observation.hasIssued() ? Optional.of(observation.getIssued().toInstant()) : Optional.empty();
    }

    static Optional<Instant> of(MedicationRequest request) {
        return request.hasAuthoredOn() ? Optional.of(request.getAuthoredOn().toInstant()) : Optional.empty();
    }

    /** {@code 7.1 %}, {@code 132/84 mm[Hg]} for a blood pressure panel, or empty. */
    static String valueOf(Observation observation) {
        if (observation.hasValueQuantity()) {
            return quantity(observation.getValueQuantity());
        }
        if (observation.hasValueStringType()) {
            return observation.getValueStringType().getValue();
        }
        if (observation.hasValueCodeableConcept()) {
            return observation.getValueCodeableConcept().getText();
        }
        if (observation.getComponent().size() == 2 && observation.getComponent().stream().allMatch(c -> c.hasValueQuantity())) {
            Quantity systolic = observation.getComponent().get(0).getValueQuantity();
            Quantity diastolic = observation.getComponent().get(1).getValueQuantity();
            return systolic.getValue().toPlainString() + "/" + quantity(diastolic);
        }
        return "";
    }

    private static String quantity(Quantity q) {
        String value = q.getValue() == null ? "" : q.getValue().stripTrailingZeros().toPlainString();
        String unit = q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "";
        return (value + " " + unit).strip();
    }
}
