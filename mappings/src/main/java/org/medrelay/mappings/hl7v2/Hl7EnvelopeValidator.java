package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;

import java.util.Set;

/**
 * The checks a message must pass before it is acknowledged: every line is a segment, MSH carries the
 * fields an ACK and the store need, the version is HL7 v2, and the message type is one this engine
 * accepts. Cheap enough for the ACK path (one scan of the text); the full parse comes after the ACK.
 */
public final class Hl7EnvelopeValidator {

    /** Segment ids are three upper-case letters or digits, starting with a letter (Z-segments included). */
    private static final int SEGMENT_ID_LENGTH = 3;

    private final Set<String> acceptedMessageTypes;

    /**
     * @param acceptedMessageTypes MSH-9.1 codes (ADT, SIU, ...) accepted; an empty set accepts every type
     */
    public Hl7EnvelopeValidator(Set<String> acceptedMessageTypes) {
        this.acceptedMessageTypes = Set.copyOf(acceptedMessageTypes);
    }

    public Hl7MessageHeader validate(String text) throws Hl7InputException {
        int start = Hl7HeaderScanner.skipLeadingWhitespace(text);
        if (!text.startsWith("MSH", start) || text.length() < start + 8) {
            throw new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "message does not start with an MSH segment", "MSH", 0);
        }
        char fieldSeparator = text.charAt(start + 3);
        if (Character.isLetterOrDigit(fieldSeparator) || Character.isWhitespace(fieldSeparator)) {
            throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                    "MSH-1 field separator must be a punctuation character", "MSH", 1);
        }
        checkSegments(text, start, fieldSeparator);
        Hl7MessageHeader header = Hl7HeaderScanner.scan(text);
        checkEncodingCharacters(header);
        require(header.messageType(), 9, "MSH-9 message type is empty");
        require(header.controlId(), 10, "MSH-10 message control id is empty");
        require(header.version(), 12, "MSH-12 version id is empty");
        if (!header.version().startsWith("2.")) {
            throw new Hl7InputException(ErrorCode.UNSUPPORTED_VERSION_ID,
                    "MSH-12 version must be an HL7 v2 version (2.1 to 2.8.1)", "MSH", 12);
        }
        if (!acceptedMessageTypes.isEmpty() && !acceptedMessageTypes.contains(header.messageType())) {
            throw new Hl7InputException(ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "message type " + header.messageTypeAndEvent() + " is not accepted on this interface",
                    "MSH", 9);
        }
        return header;
    }

    /** Runs on every message before the ACK, so it reads the text in place rather than cutting out each line. */
    private static void checkSegments(String text, int start, char fieldSeparator) throws Hl7InputException {
        int position = start;
        int segmentNumber = 0;
        while (position < text.length()) {
            int end = lineEnd(text, position);
            if (!isBlank(text, position, end)) { // blank lines between segments are a common sender quirk
                segmentNumber++;
                if (!isSegmentId(text, position, end, fieldSeparator)) {
                    throw new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                            "segment " + segmentNumber + " does not start with a segment id", null,
                            segmentNumber, 0, null);
                }
            }
            position = end + 1;
        }
    }

    private static int lineEnd(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return end;
    }

    private static boolean isBlank(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSegmentId(String text, int from, int end, char fieldSeparator) {
        int length = end - from;
        if (length < SEGMENT_ID_LENGTH
                || (length > SEGMENT_ID_LENGTH && text.charAt(from + SEGMENT_ID_LENGTH) != fieldSeparator)) {
            return false;
        }
        if (!Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        for (int i = 1; i < SEGMENT_ID_LENGTH; i++) {
            char c = text.charAt(from + i);
            if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static void checkEncodingCharacters(Hl7MessageHeader header) throws Hl7InputException {
        String encoding = header.encodingCharacters();
        if (encoding.length() < 2 || encoding.length() > 5 || !distinctPunctuation(encoding, header.fieldSeparator())) {
            throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                    "MSH-2 encoding characters must be 2 to 5 distinct punctuation characters", "MSH", 2);
        }
    }

    /** No letter, digit, blank or field separator among them, and none twice. */
    private static boolean distinctPunctuation(String encoding, char fieldSeparator) {
        for (int i = 0; i < encoding.length(); i++) {
            char c = encoding.charAt(i);
            if (c == fieldSeparator || Character.isLetterOrDigit(c) || Character.isWhitespace(c)
                    || encoding.indexOf(c, i + 1) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static void require(String value, int field, String reason) throws Hl7InputException {
        if (value.isBlank()) {
            throw new Hl7InputException(ErrorCode.REQUIRED_FIELD_MISSING, reason, "MSH", field);
        }
    }
}
