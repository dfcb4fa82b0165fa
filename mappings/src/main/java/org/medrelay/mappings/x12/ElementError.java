package org.medrelay.mappings.x12;

/**
 * One element in error, as a 999 IK4 reports it: element position in the segment, component position
 * (0 when not a composite), repetition (1 for the first), the data element reference number, the IK403 code
 * and a copy of the bad data (empty when the element is missing).
 */
public record ElementError(int elementPosition, int componentPosition, int repetition, String elementReference,
                           ElementSyntaxError error, String badData) {

    /** "EB03-1 (1365) too many components", for people. */
    public String describe(String segmentId) {
        String where = segmentId + String.format("%02d", elementPosition)
                + (componentPosition > 0 ? "-" + componentPosition : "")
                + (repetition > 1 ? " repetition " + repetition : "");
        String reference = elementReference.isEmpty() ? "" : " (" + elementReference + ")";
        return where + reference + ": IK403 " + error.code() + " " + error.description();
    }
}
