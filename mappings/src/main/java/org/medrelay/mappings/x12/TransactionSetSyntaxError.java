package org.medrelay.mappings.x12;

/** IK502-IK506 Implementation Transaction Set Syntax Error Code (005010X231A1), the ones MedRelay detects. */
public enum TransactionSetSyntaxError {
    NOT_SUPPORTED("1", "transaction set not supported"),
    TRAILER_MISSING("2", "transaction set trailer missing"),
    CONTROL_NUMBER_MISMATCH("3", "control number in header and trailer do not match"),
    SEGMENT_COUNT_MISMATCH("4", "number of included segments does not match actual count"),
    SEGMENTS_IN_ERROR("5", "one or more segments in error"),
    INVALID_TRANSACTION_SET_ID("6", "missing or invalid transaction set identifier"),
    INVALID_CONTROL_NUMBER("7", "missing or invalid transaction set control number"),
    INVALID_IMPLEMENTATION_REFERENCE("19", "invalid transaction set implementation convention reference"),
    DUPLICATE_CONTROL_NUMBER("23", "transaction set control number not unique within the functional group"),
    IMPLEMENTATION_SEGMENTS_IN_ERROR("I5", "implementation one or more segments in error");

    private final String code;
    private final String description;

    TransactionSetSyntaxError(String code, String description) {
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
