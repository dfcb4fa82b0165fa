package org.medrelay.mappings.x12;

import java.util.TreeSet;

/**
 * A validation report in one line, for tests to compare: "valid", "refused", or "invalid" and the distinct
 * codes found, e.g. {@code invalid IK3:NM1:8 IK4:NM109:I10 IK5:5 TA1:001@IEA02}.
 */
final class X12Outcome {

    private X12Outcome() {
    }

    static String of(X12ValidationReport report) {
        if (report.failure().isPresent()) {
            return "refused";
        }
        if (report.valid()) {
            return "valid";
        }
        TreeSet<String> codes = new TreeSet<>();
        for (Interchange interchange : report.interchanges()) {
            interchange.findings().forEach(f -> codes.add("TA1:" + f.note().code() + "@" + f.location()));
            for (FunctionalGroup group : interchange.groups()) {
                group.syntaxErrors().forEach(e -> codes.add("AK9:" + e.code()));
                for (TransactionSet set : group.transactionSets()) {
                    set.syntaxErrors().forEach(e -> codes.add("IK5:" + e.code()));
                    for (SegmentError error : set.segmentErrors()) {
                        codes.add("IK3:" + error.segmentId() + ":" + error.error().code());
                        error.elementErrors().forEach(e -> codes.add(
                                String.format("IK4:%s%02d:%s", error.segmentId(), e.elementPosition(), e.error().code())));
                    }
                }
            }
        }
        return "invalid " + String.join(" ", codes);
    }
}
