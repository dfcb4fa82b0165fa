package org.medrelay.mappings.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating one file: every interchange read, and, when the file could not be read to its
 * end, why. A file is valid only when it was read completely and nothing in it is in error; a file that is
 * not valid is quarantined whole, never half-processed.
 */
public record X12ValidationReport(List<Interchange> interchanges, Optional<X12InputException> failure) {

    public X12ValidationReport {
        interchanges = List.copyOf(interchanges);
    }

    public boolean valid() {
        return failure.isEmpty() && !interchanges.isEmpty() && interchanges.stream().allMatch(Interchange::valid);
    }

    /** The report as lines a person reads, 999-style: envelope control numbers and counts, then each error. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Interchange interchange : interchanges) {
            InterchangeHeader isa = interchange.header();
            lines.add(String.format("interchange ISA13 %s from %s to %s, version %s, %d group(s), IEA01 %s: TA104 %s",
                    isa.controlNumber(), isa.senderId().strip(), isa.receiverId().strip(), isa.version(),
                    interchange.groups().size(), interchange.declaredGroupCount(), interchange.acknowledgmentCode()));
            interchange.findings().forEach(f -> lines.add("  " + f.describe()));
            for (FunctionalGroup group : interchange.groups()) {
                describe(group, lines);
            }
        }
        failure.ifPresent(e -> lines.add("refused: " + e.getMessage() + " (TA105 " + e.note().code() + ")"));
        return lines;
    }

    private static void describe(FunctionalGroup group, List<String> lines) {
        FunctionalGroupHeader gs = group.header();
        lines.add(String.format("  group GS06 %s %s %s, %d transaction set(s), GE01 %s: AK9 %s, %d accepted",
                gs.controlNumber(), gs.functionalId(), gs.version(), group.receivedCount(),
                group.declaredTransactionCount(), group.acknowledgmentCode(), group.acceptedCount()));
        group.syntaxErrors().forEach(e -> lines.add("    AK905 " + e.code() + " " + e.description()));
        for (TransactionSet set : group.transactionSets()) {
            TransactionSetHeader st = set.header();
            String against = set.validatedAgainst().isEmpty() ? "envelope only, no implementation schema"
                    : "validated against " + set.validatedAgainst();
            lines.add(String.format("    transaction set ST02 %s %s, %d segments (%s): IK5 %s",
                    st.controlNumber(), st.id(), set.segmentCount(), against, set.acknowledgmentCode()));
            set.syntaxErrors().forEach(e -> lines.add("      IK502 " + e.code() + " " + e.description()));
            for (SegmentError error : set.segmentErrors()) {
                lines.add(String.format("      segment %d %s%s: IK304 %s %s", error.position(), error.segmentId(),
                        error.loop().isEmpty() ? "" : " in loop " + error.loop(), error.error().code(), error.error().description()));
                error.elementErrors().forEach(e -> lines.add("        " + e.describe(error.segmentId())));
            }
        }
    }
}
