package org.medrelay.mappings.x12;

import java.util.List;

/**
 * One segment in error, as a 999 IK3 reports it: the segment id, its position in the transaction set
 * (ST = 1), the guide loop it was in ("2110C"), the IK304 code and the elements in error. A segment with
 * only element errors carries IK304 8. {@code businessUnit} is the context a sender matches the error by
 * (the 2000C/2000D TRN02 trace of a 270 or 271, CLM01 of an 837), as "TRN02:12345", or empty.
 */
public record SegmentError(String segmentId, int position, String loop, SegmentSyntaxError error,
                           List<ElementError> elementErrors, String businessUnit) {

    public SegmentError {
        elementErrors = List.copyOf(elementErrors);
    }

    /** IK303 is X12 element 447, at most four characters: the guide loop's number without its letter. */
    public String loopIdentifier() {
        return loop.length() > 4 ? loop.substring(0, 4) : loop;
    }

    SegmentError withElementError(ElementError element) {
        List<ElementError> more = new java.util.ArrayList<>(elementErrors);
        more.add(element);
        return new SegmentError(segmentId, position, loop, error, more, businessUnit);
    }

    /** True when only the guide's rules failed (IK304 I-codes, or 8 with IK403 I-codes only): IK502 I5. */
    boolean implementationOnly() {
        boolean elementsGuideOnly = elementErrors.stream().allMatch(e -> e.error().implementationOnly());
        return elementsGuideOnly && (error.implementationOnly() || error == SegmentSyntaxError.DATA_ELEMENT_ERRORS);
    }
}
