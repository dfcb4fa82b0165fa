package org.medrelay.mappings.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/** IK403 Implementation Data Element Syntax Error Code (005010X231A1 loop 2110), from StAEDI's element errors. */
public enum ElementSyntaxError {
    REQUIRED_MISSING("1", "required data element missing"),
    CONDITIONAL_REQUIRED_MISSING("2", "conditional required data element missing"),
    TOO_MANY_ELEMENTS("3", "too many data elements"),
    TOO_SHORT("4", "data element too short"),
    TOO_LONG("5", "data element too long"),
    INVALID_CHARACTER("6", "invalid character in data element"),
    INVALID_CODE("7", "invalid code value"),
    INVALID_DATE("8", "invalid date"),
    INVALID_TIME("9", "invalid time"),
    EXCLUSION_VIOLATED("10", "exclusion condition violated"),
    TOO_MANY_REPETITIONS("12", "too many repetitions"),
    TOO_MANY_COMPONENTS("13", "too many components"),
    IMPLEMENTATION_NOT_USED("I10", "implementation \"not used\" data element present"),
    IMPLEMENTATION_TOO_FEW_REPETITIONS("I11", "implementation too few repetitions"),
    IMPLEMENTATION_PATTERN_MISMATCH("I12", "implementation pattern match failure"),
    IMPLEMENTATION_DEPENDENT_NOT_USED("I13", "implementation dependent \"not used\" data element present"),
    IMPLEMENTATION_INVALID_CODE("I6", "code value not used in implementation"),
    IMPLEMENTATION_DEPENDENT_MISSING("I9", "implementation dependent data element missing");

    private final String code;
    private final String description;

    ElementSyntaxError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The element is absent: there is no bad data to copy into IK404. */
    public boolean missing() {
        return this == REQUIRED_MISSING || this == CONDITIONAL_REQUIRED_MISSING
                || this == IMPLEMENTATION_DEPENDENT_MISSING || this == IMPLEMENTATION_TOO_FEW_REPETITIONS;
    }

    public boolean implementationOnly() {
        return code.startsWith("I");
    }

    static ElementSyntaxError of(EDIStreamValidationError error) {
        return switch (error) {
            case REQUIRED_DATA_ELEMENT_MISSING -> REQUIRED_MISSING;
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> CONDITIONAL_REQUIRED_MISSING;
            case TOO_MANY_DATA_ELEMENTS -> TOO_MANY_ELEMENTS;
            case DATA_ELEMENT_TOO_SHORT -> TOO_SHORT;
            case DATA_ELEMENT_TOO_LONG -> TOO_LONG;
            case INVALID_CHARACTER_DATA -> INVALID_CHARACTER;
            case INVALID_CODE_VALUE -> INVALID_CODE;
            case INVALID_DATE -> INVALID_DATE;
            case INVALID_TIME -> INVALID_TIME;
            case EXCLUSION_CONDITION_VIOLATED -> EXCLUSION_VIOLATED;
            case TOO_MANY_REPETITIONS -> TOO_MANY_REPETITIONS;
            case TOO_MANY_COMPONENTS -> TOO_MANY_COMPONENTS;
            case IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT -> IMPLEMENTATION_NOT_USED;
            case IMPLEMENTATION_TOO_FEW_REPETITIONS -> IMPLEMENTATION_TOO_FEW_REPETITIONS;
            case IMPLEMENTATION_PATTERN_MATCH_FAILURE -> IMPLEMENTATION_PATTERN_MISMATCH;
            case IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT -> IMPLEMENTATION_DEPENDENT_NOT_USED;
            case IMPLEMENTATION_INVALID_CODE_VALUE -> IMPLEMENTATION_INVALID_CODE;
            case IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> IMPLEMENTATION_DEPENDENT_MISSING;
            default -> throw new IllegalArgumentException("not an element error: " + error);
        };
    }
}
