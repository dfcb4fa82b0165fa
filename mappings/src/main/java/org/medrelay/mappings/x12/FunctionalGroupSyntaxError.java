package org.medrelay.mappings.x12;

/** AK905-AK909 Functional Group Syntax Error Code (005010X231A1), the ones MedRelay detects. */
public enum FunctionalGroupSyntaxError {
    TRAILER_MISSING("3", "functional group trailer missing"),
    CONTROL_NUMBER_MISMATCH("4", "group control number in the functional group header and trailer do not agree"),
    TRANSACTION_COUNT_MISMATCH("5", "number of included transaction sets does not match actual count"),
    INVALID_CONTROL_NUMBER("6", "group control number violates syntax"),
    DUPLICATE_CONTROL_NUMBER("19", "functional group control number not unique within interchange");

    private final String code;
    private final String description;

    FunctionalGroupSyntaxError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
