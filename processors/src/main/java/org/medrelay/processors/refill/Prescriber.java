package org.medrelay.processors.refill;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;

import java.util.Objects;

/**
 * The prescriber a refill request names (MedicationRequest.requester), and whether an encounter was with them: the
 * same resource reference, or the same identifier value (an NPI from HL7v2 XCN, where the system may be absent on one
 * side).
 */
record Prescriber(Reference reference) {

    boolean named() {
        return reference.hasReference() || (reference.hasIdentifier() && reference.getIdentifier().hasValue());
    }

    boolean saw(Encounter encounter) {
        return encounter.getParticipant().stream().filter(p -> p.hasIndividual()).anyMatch(p -> same(p.getIndividual()));
    }

    private boolean same(Reference other) {
        if (reference.hasReference() && other.hasReference()
                && reference.getReferenceElement().toUnqualifiedVersionless().getValue()
                .equals(other.getReferenceElement().toUnqualifiedVersionless().getValue())) {
            return true;
        }
        if (!reference.hasIdentifier() || !other.hasIdentifier() || !reference.getIdentifier().hasValue()) {
            return false;
        }
        String system = reference.getIdentifier().getSystem();
        String otherSystem = other.getIdentifier().getSystem();
        return reference.getIdentifier().getValue().equals(other.getIdentifier().getValue())
                && (system == null || otherSystem == null || Objects.equals(system, otherSystem));
    }

    /** How the prescriber is shown: the display, else the identifier, else the reference. */
    String describe() {
        if (reference.hasDisplay()) {
            return reference.getDisplay();
        }
        return reference.hasIdentifier() ? reference.getIdentifier().getValue() : reference.getReference();
    }
}
