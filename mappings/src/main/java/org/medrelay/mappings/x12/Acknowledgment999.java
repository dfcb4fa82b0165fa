package org.medrelay.mappings.x12;

import java.util.List;

/**
 * One 999 transaction set (005010X231A1) for a received functional group: AK1; per transaction set an AK2,
 * an IK3 per segment in error with its business unit CTX, an IK4 per element in error, and IK5; then AK9
 * with the counts.
 */
final class Acknowledgment999 {

    static final String GUIDE = "005010X231A1";
    private static final int MAX_BAD_DATA = 99;

    private Acknowledgment999() {
    }

    static void write(SegmentWriter out, FunctionalGroup group, String controlNumber) {
        FunctionalGroupHeader gs = group.header();
        out.segment("ST", "999", controlNumber, GUIDE);
        out.segment("AK1", gs.functionalId(), gs.controlNumber(), gs.version());
        for (TransactionSet set : group.transactionSets()) {
            transactionSetResponse(out, set);
        }
        List<String> ak9 = new java.util.ArrayList<>(List.of(group.acknowledgmentCode(),
                group.declaredTransactionCount().isEmpty() ? String.valueOf(group.receivedCount()) : group.declaredTransactionCount(),
                String.valueOf(group.receivedCount()), String.valueOf(group.acceptedCount())));
        group.syntaxErrors().stream().limit(5).forEach(e -> ak9.add(e.code()));
        out.segment("AK9", ak9.toArray(String[]::new));
        out.segment("SE", String.valueOf(out.segmentsForTrailer()), controlNumber);
    }

    /** Loop 2000: AK2, loops 2100/2110, IK5. */
    private static void transactionSetResponse(SegmentWriter out, TransactionSet set) {
        TransactionSetHeader st = set.header();
        out.segment("AK2", st.id(), st.controlNumber(), st.implementationReference());
        for (SegmentError error : set.segmentErrors()) {
            out.segment("IK3", error.segmentId(), String.valueOf(error.position()), error.loopIdentifier(), error.error().code());
            if (!error.businessUnit().isEmpty()) {
                // 2100 CTX Business Unit Identifier, e.g. CTX*TRN02:12345 or CTX*CLM01:ACCT1
                String[] unit = error.businessUnit().split(":", 2);
                out.segment("CTX", out.composite(unit[0], unit[1]));
            }
            for (ElementError element : error.elementErrors()) {
                String position = out.composite(String.valueOf(element.elementPosition()),
                        element.componentPosition() > 0 ? String.valueOf(element.componentPosition()) : "",
                        element.repetition() > 1 ? String.valueOf(element.repetition()) : "");
                out.segment("IK4", position, element.elementReference(), element.error().code(), badData(out, element.badData()));
            }
        }
        List<String> ik5 = new java.util.ArrayList<>(List.of(set.acknowledgmentCode()));
        set.ik5Codes().forEach(code -> ik5.add(code.code()));
        out.segment("IK5", ik5.toArray(String[]::new));
    }

    /** IK404 copies the bad value, without the delimiters it must not contain, at most 99 characters. */
    private static String badData(SegmentWriter out, String value) {
        X12Delimiters d = out.delimiters();
        StringBuilder clean = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c != d.segment() && c != d.element() && c != d.component() && c != d.repetition() && c >= ' ') {
                clean.append(c);
            }
        }
        return clean.length() > MAX_BAD_DATA ? clean.substring(0, MAX_BAD_DATA) : clean.toString();
    }
}
