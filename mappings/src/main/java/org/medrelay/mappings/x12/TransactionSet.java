package org.medrelay.mappings.x12;

import java.util.List;

/**
 * A transaction set as received: its ST, the segments counted from ST to SE, the guide it was validated
 * against (empty when MedRelay has no schema for it: envelope checks only), the segments in error and the
 * IK502 errors of its envelope.
 */
public record TransactionSet(TransactionSetHeader header, int segmentCount, String validatedAgainst,
                             List<SegmentError> segmentErrors, List<TransactionSetSyntaxError> syntaxErrors) {

    public TransactionSet {
        segmentErrors = List.copyOf(segmentErrors);
        syntaxErrors = List.copyOf(syntaxErrors);
    }

    public boolean accepted() {
        return segmentErrors.isEmpty() && syntaxErrors.isEmpty();
    }

    /** IK501: A accepted, R rejected. MedRelay rejects a transaction set with any error: nothing half-processed. */
    public String acknowledgmentCode() {
        return accepted() ? "A" : "R";
    }

    /** IK502-IK506: the envelope errors, then 5 (or I5 when only the guide's rules failed) for segment errors. */
    public List<TransactionSetSyntaxError> ik5Codes() {
        List<TransactionSetSyntaxError> codes = new java.util.ArrayList<>(syntaxErrors);
        if (!segmentErrors.isEmpty()) {
            boolean guideOnly = segmentErrors.stream().allMatch(SegmentError::implementationOnly);
            codes.add(guideOnly ? TransactionSetSyntaxError.IMPLEMENTATION_SEGMENTS_IN_ERROR
                    : TransactionSetSyntaxError.SEGMENTS_IN_ERROR);
        }
        return codes.stream().distinct().limit(5).toList();
    }
}
