package org.medrelay.mappings.x12;

/** TA105 Interchange Note Code (X12 TA1): what is wrong with an interchange's ISA/IEA envelope. */
public enum InterchangeNote {
    NO_ERROR("000", "no error"),
    CONTROL_NUMBER_MISMATCH("001", "the interchange control number in the header and trailer do not match"),
    STANDARD_NOT_SUPPORTED("002", "this standard as noted in the control standards identifier is not supported"),
    VERSION_NOT_SUPPORTED("003", "this version of the controls is not supported"),
    SEGMENT_TERMINATOR_INVALID("004", "the segment terminator is invalid"),
    INVALID_SENDER_QUALIFIER("005", "invalid interchange ID qualifier for sender"),
    INVALID_SENDER_ID("006", "invalid interchange sender ID"),
    INVALID_RECEIVER_QUALIFIER("007", "invalid interchange ID qualifier for receiver"),
    INVALID_RECEIVER_ID("008", "invalid interchange receiver ID"),
    UNKNOWN_RECEIVER_ID("009", "unknown interchange receiver ID"),
    INVALID_AUTHORIZATION_QUALIFIER("010", "invalid authorization information qualifier value"),
    INVALID_AUTHORIZATION("011", "invalid authorization information value"),
    INVALID_SECURITY_QUALIFIER("012", "invalid security information qualifier value"),
    INVALID_SECURITY("013", "invalid security information value"),
    INVALID_DATE("014", "invalid interchange date value"),
    INVALID_TIME("015", "invalid interchange time value"),
    INVALID_STANDARDS_ID("016", "invalid interchange standards identifier value"),
    INVALID_VERSION("017", "invalid interchange version ID value"),
    INVALID_CONTROL_NUMBER("018", "invalid interchange control number value"),
    INVALID_ACKNOWLEDGMENT_REQUESTED("019", "invalid acknowledgment requested value"),
    INVALID_TEST_INDICATOR("020", "invalid test indicator value"),
    INVALID_GROUP_COUNT("021", "invalid number of included groups value"),
    INVALID_CONTROL_STRUCTURE("022", "invalid control structure"),
    PREMATURE_END_OF_FILE("023", "improper (premature) end-of-file (transmission)"),
    INVALID_CONTENT("024", "invalid interchange content (e.g., invalid GS segment)"),
    DUPLICATE_CONTROL_NUMBER("025", "duplicate interchange control number"),
    INVALID_ELEMENT_SEPARATOR("026", "invalid data element separator"),
    INVALID_COMPONENT_SEPARATOR("027", "invalid component element separator");

    private static final InterchangeNote[] BY_ISA_ELEMENT = {
            null, INVALID_AUTHORIZATION_QUALIFIER, INVALID_AUTHORIZATION, INVALID_SECURITY_QUALIFIER, INVALID_SECURITY,
            INVALID_SENDER_QUALIFIER, INVALID_SENDER_ID, INVALID_RECEIVER_QUALIFIER, INVALID_RECEIVER_ID,
            INVALID_DATE, INVALID_TIME, INVALID_STANDARDS_ID, INVALID_VERSION, INVALID_CONTROL_NUMBER,
            INVALID_ACKNOWLEDGMENT_REQUESTED, INVALID_TEST_INDICATOR, INVALID_COMPONENT_SEPARATOR};

    private final String code;
    private final String description;

    InterchangeNote(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The note for an error in ISA01-ISA16 (ISA11 is the repetition separator from 00501 on). */
    static InterchangeNote forIsaElement(int position) {
        return position >= 1 && position < BY_ISA_ELEMENT.length ? BY_ISA_ELEMENT[position] : INVALID_CONTROL_STRUCTURE;
    }
}
