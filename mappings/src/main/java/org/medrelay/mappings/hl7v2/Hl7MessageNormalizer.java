package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the text of one message as senders really write it into the form HAPI expects, and refuses
 * what is not HL7v2 before HAPI sees it. Lenient on: LF, CRLF or CR segment ends, blank lines,
 * MLLP frame bytes and a byte-order mark around the message, leading blanks on a line, the
 * {@code ^~\\&} MSH-2 that Java-escaped samples carry, and three-character MSH-2 (v2.1 senders that
 * use no sub-components). Strict on: the delimiters, segment ids, control characters, MSH-9 and
 * MSH-12, and the sizes in {@link Hl7Limits}. Those checks are what keep fuzzer input from reaching
 * the recursive parts of HAPI.
 */
final class Hl7MessageNormalizer {

    private static final Pattern SEGMENT_ID = Pattern.compile("[A-Z][A-Z0-9]{2}");
    private static final Pattern MESSAGE_TYPE = Pattern.compile("[A-Z][A-Z0-9]{2}");
    private static final Pattern TRIGGER_EVENT = Pattern.compile("[A-Z0-9]{1,4}");
    private static final Pattern STRUCTURE = Pattern.compile("[A-Z0-9_]{0,10}");
    private static final Pattern VERSION = Pattern.compile("2\\.[0-9](\\.[0-9]{1,2})?");
    /** Sub-component separators to add to a three-character MSH-2, first one unused in the message wins. */
    private static final String SPARE_SUBCOMPONENT_SEPARATORS = "&#$@!%*";

    private final Hl7Limits limits;

    Hl7MessageNormalizer(Hl7Limits limits) {
        this.limits = limits;
    }

    Hl7MessageText normalize(String raw) throws Hl7InputException {
        if (raw.length() > limits.maxMessageChars()) {
            throw new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "message is longer than the limit of " + limits.maxMessageChars() + " characters");
        }
        String text = stripFraming(raw);
        if (!text.startsWith("MSH") || text.length() < 8) {
            throw new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "message does not start with an MSH segment", "MSH", 0);
        }
        char fieldSeparator = text.charAt(3);
        if (!isDelimiter(fieldSeparator)) {
            throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                    "MSH-1 field separator is not a printable non-alphanumeric character", "MSH", 1);
        }
        List<String> lines = segmentLines(text);
        String msh = encodingFixed(lines.get(0), fieldSeparator, text);
        lines.set(0, msh);
        String encoding = encodingCharacters(msh, fieldSeparator);
        checkSegments(lines, fieldSeparator + encoding.substring(0, 4));
        MshHeader header = header(msh, fieldSeparator, encoding);
        return new Hl7MessageText(String.join("\r", lines), header);
    }

    /** Drops what surrounds the first segment: a byte-order mark, MLLP start/end bytes, blanks. */
    private static String stripFraming(String raw) {
        int start = 0;
        while (start < raw.length() && (raw.charAt(start) == '\uFEFF' || raw.charAt(start) == 0x0B
                || Character.isWhitespace(raw.charAt(start)))) {
            start++;
        }
        int end = raw.length();
        while (end > start && (raw.charAt(end - 1) == 0x1C || Character.isWhitespace(raw.charAt(end - 1)))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private List<String> segmentLines(String text) throws Hl7InputException {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            String segment = line.stripLeading();
            if (segment.isBlank()) {
                continue;
            }
            if (lines.size() == limits.maxSegments()) {
                throw new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR,
                        "message has more than the limit of " + limits.maxSegments() + " segments");
            }
            lines.add(segment);
        }
        return lines;
    }

    /** The MSH line with MSH-2 repaired where senders are known to get it wrong, or refused. */
    private static String encodingFixed(String msh, char fieldSeparator, String wholeMessage)
            throws Hl7InputException {
        int end = msh.indexOf(fieldSeparator, 4);
        String encoding = end < 0 ? msh.substring(4) : msh.substring(4, end);
        String rest = end < 0 ? "" : msh.substring(end);
        if (encoding.equals("^~\\\\&")) {
            // Sample messages copied out of Java sources keep the doubled backslash of the string literal.
            encoding = "^~\\&";
        }
        if (encoding.length() < 3 || encoding.length() > 5) {
            throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                    "MSH-2 encoding characters must be 4 or 5 characters, found " + encoding.length(), "MSH", 2);
        }
        for (int i = 0; i < encoding.length(); i++) {
            char c = encoding.charAt(i);
            if (!isDelimiter(c) || c == fieldSeparator || encoding.indexOf(c) != i) {
                throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                        "MSH-2 encoding characters must be distinct printable non-alphanumeric characters",
                        "MSH", 2);
            }
        }
        if (encoding.length() == 3) {
            encoding = encoding + spareSubcomponentSeparator(encoding, fieldSeparator, wholeMessage);
        }
        return "MSH" + fieldSeparator + encoding + rest;
    }

    /** v2.1 senders may declare no sub-component separator; HAPI needs one, so lend one the text never uses. */
    private static char spareSubcomponentSeparator(String encoding, char fieldSeparator, String text)
            throws Hl7InputException {
        for (char candidate : SPARE_SUBCOMPONENT_SEPARATORS.toCharArray()) {
            if (candidate != fieldSeparator && encoding.indexOf(candidate) < 0 && text.indexOf(candidate) < 0) {
                return candidate;
            }
        }
        throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                "MSH-2 declares no sub-component separator and no spare one is free", "MSH", 2);
    }

    private static String encodingCharacters(String msh, char fieldSeparator) {
        int end = msh.indexOf(fieldSeparator, 4);
        return end < 0 ? msh.substring(4) : msh.substring(4, end);
    }

    private void checkSegments(List<String> lines, String delimiters) throws Hl7InputException {
        char fieldSeparator = delimiters.charAt(0);
        for (int position = 1; position <= lines.size(); position++) {
            String line = lines.get(position - 1);
            String id = line.length() >= 3 ? line.substring(0, 3) : line;
            boolean wellFormed = SEGMENT_ID.matcher(id).matches()
                    && (line.length() == 3 || line.charAt(3) == fieldSeparator);
            if (!wellFormed) {
                throw new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                        "segment " + position + " does not start with a segment id and field separator");
            }
            if (position > 1 && id.equals("MSH")) {
                throw new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                        "segment " + position + " starts a second message: split the batch first", "MSH", 0);
            }
            int delimiterCount = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 && c != '\t' && c != 0x1B || c == 0x7F) {
                    throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                            "segment " + position + " contains a control character at column " + (i + 1),
                            id, 0);
                }
                if (delimiters.indexOf(c) >= 0 && ++delimiterCount > limits.maxDelimitersPerSegment()) {
                    throw new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR,
                            "segment " + position + " has more than the limit of "
                                    + limits.maxDelimitersPerSegment() + " delimiters", id, 0);
                }
            }
        }
    }

    private static MshHeader header(String msh, char fieldSeparator, String encoding) throws Hl7InputException {
        String[] fields = msh.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
        char component = encoding.charAt(0);
        char repetition = encoding.charAt(1);
        String[] type = components(field(fields, 9), component, repetition);
        String messageType = type[0].trim();
        if (messageType.isEmpty()) {
            throw new Hl7InputException(ErrorCode.REQUIRED_FIELD_MISSING, "MSH-9 message type is missing", "MSH", 9);
        }
        String event = type.length > 1 ? type[1].trim() : "";
        String structure = type.length > 2 ? type[2].trim() : "";
        if (!MESSAGE_TYPE.matcher(messageType).matches() || !(event.isEmpty() || TRIGGER_EVENT.matcher(event).matches())
                || !STRUCTURE.matcher(structure).matches()) {
            throw new Hl7InputException(ErrorCode.DATA_TYPE_ERROR,
                    "MSH-9 is not a message type^trigger event^structure code", "MSH", 9);
        }
        String version = components(field(fields, 12), component, repetition)[0].trim();
        if (version.isEmpty()) {
            throw new Hl7InputException(ErrorCode.REQUIRED_FIELD_MISSING, "MSH-12 version id is missing", "MSH", 12);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new Hl7InputException(ErrorCode.UNSUPPORTED_VERSION_ID,
                    "MSH-12 is not an HL7 version 2.x id", "MSH", 12);
        }
        String controlId = components(field(fields, 10), component, repetition)[0].trim();
        return new MshHeader(fieldSeparator, encoding, messageType, event, structure, controlId, version);
    }

    /** MSH-n from a split MSH line: element 0 is "MSH" and MSH-1 is the separator itself, so MSH-n is element n-1. */
    private static String field(String[] fields, int number) {
        return fields.length > number - 1 ? fields[number - 1] : "";
    }

    private static String[] components(String field, char component, char repetition) {
        int rep = field.indexOf(repetition);
        String first = rep < 0 ? field : field.substring(0, rep);
        return first.split(Pattern.quote(String.valueOf(component)), -1);
    }

    private static boolean isDelimiter(char c) {
        return c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c);
    }
}
