package org.medrelay.mappings.x12;

import java.util.List;

/**
 * An interchange as received: its ISA, the delimiters it used, the TA1 segments it carried, its functional
 * groups, IEA01 as sent, and what is wrong with its envelope.
 */
public record Interchange(InterchangeHeader header, X12Delimiters delimiters, List<InterchangeAcknowledgment> acknowledgments,
                          List<FunctionalGroup> groups, String declaredGroupCount, List<InterchangeFinding> findings) {

    public Interchange {
        acknowledgments = List.copyOf(acknowledgments);
        groups = List.copyOf(groups);
        findings = List.copyOf(findings);
    }

    public boolean rejected() {
        return findings.stream().anyMatch(InterchangeFinding::rejects);
    }

    /** TA104: R when the envelope is refused, E when errors are noted, A otherwise. */
    public String acknowledgmentCode() {
        return rejected() ? "R" : findings.isEmpty() ? "A" : "E";
    }

    /** TA105: the note of the first rejecting finding, else of the first finding, else 000. */
    public InterchangeNote note() {
        return findings.stream().filter(InterchangeFinding::rejects).findFirst()
                .or(() -> findings.stream().findFirst())
                .map(InterchangeFinding::note).orElse(InterchangeNote.NO_ERROR);
    }

    public boolean valid() {
        return findings.isEmpty() && groups.stream().allMatch(FunctionalGroup::accepted);
    }
}
