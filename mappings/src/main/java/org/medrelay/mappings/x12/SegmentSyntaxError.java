package org.medrelay.mappings.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/** IK304 Implementation Segment Syntax Error Code (005010X231A1 loop 2100), from StAEDI's segment errors. */
public enum SegmentSyntaxError {
    UNRECOGNIZED_SEGMENT_ID("1", "unrecognized segment ID"),
    UNEXPECTED_SEGMENT("2", "unexpected segment"),
    REQUIRED_SEGMENT_MISSING("3", "required segment missing"),
    LOOP_OVER_MAXIMUM("4", "loop occurs over maximum times"),
    SEGMENT_OVER_MAXIMUM("5", "segment exceeds maximum use"),
    NOT_IN_TRANSACTION_SET("6", "segment not in defined transaction set"),
    OUT_OF_SEQUENCE("7", "segment not in proper sequence"),
    DATA_ELEMENT_ERRORS("8", "segment has data element errors"),
    IMPLEMENTATION_NOT_USED("I4", "implementation \"not used\" segment present"),
    IMPLEMENTATION_DEPENDENT_MISSING("I6", "implementation dependent segment missing"),
    IMPLEMENTATION_LOOP_UNDER_MINIMUM("I7", "implementation loop occurs under minimum times"),
    IMPLEMENTATION_SEGMENT_UNDER_MINIMUM("I8", "implementation segment below minimum use"),
    IMPLEMENTATION_DEPENDENT_NOT_USED("I9", "implementation dependent \"not used\" segment present");

    private final String code;
    private final String description;

    SegmentSyntaxError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public boolean implementationOnly() {
        return code.startsWith("I");
    }

    static SegmentSyntaxError of(EDIStreamValidationError error) {
        return switch (error) {
            case UNRECOGNIZED_SEGMENT_ID -> UNRECOGNIZED_SEGMENT_ID;
            case UNEXPECTED_SEGMENT -> UNEXPECTED_SEGMENT;
            case MANDATORY_SEGMENT_MISSING -> REQUIRED_SEGMENT_MISSING;
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> LOOP_OVER_MAXIMUM;
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> SEGMENT_OVER_MAXIMUM;
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> NOT_IN_TRANSACTION_SET;
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> OUT_OF_SEQUENCE;
            case IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> IMPLEMENTATION_NOT_USED;
            case IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING, CONDITIONAL_REQUIRED_SEGMENT_MISSING -> IMPLEMENTATION_DEPENDENT_MISSING;
            case IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES -> IMPLEMENTATION_LOOP_UNDER_MINIMUM;
            case IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE -> IMPLEMENTATION_SEGMENT_UNDER_MINIMUM;
            case IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT, SEGMENT_EXCLUSION_CONDITION_VIOLATED -> IMPLEMENTATION_DEPENDENT_NOT_USED;
            default -> DATA_ELEMENT_ERRORS;
        };
    }
}
