package org.medrelay.mappings.hl7v2;

/**
 * Reads MSH and PID-3 out of message text by position, the way HAPI's PreParser does, but without
 * exceptions: a header scan must succeed on any input so the sender always gets an ACK.
 */
final class Hl7HeaderScanner {

    private Hl7HeaderScanner() {
    }

    static Hl7MessageHeader scan(String text) {
        int start = skipLeadingWhitespace(text);
        if (!text.startsWith("MSH", start) || text.length() < start + 4) {
            return Hl7MessageHeader.unreadable();
        }
        char fieldSeparator = text.charAt(start + 3);
        String msh = segmentAt(text, start);
        String[] fields = split(msh, fieldSeparator);
        // fields[0] is "MSH" and MSH-1 is the separator itself, so MSH-n is fields[n - 1].
        String encoding = field(fields, 2);
        if (encoding.isEmpty()) {
            encoding = Hl7MessageHeader.DEFAULT_ENCODING_CHARACTERS;
        }
        char component = encoding.charAt(0);
        String[] messageType = split(field(fields, 9), component);
        return new Hl7MessageHeader(
                fieldSeparator,
                encoding,
                field(fields, 3),
                field(fields, 4),
                field(fields, 5),
                field(fields, 6),
                part(messageType, 0),
                part(messageType, 1),
                part(messageType, 2),
                field(fields, 10),
                firstComponent(field(fields, 11), component),
                firstComponent(field(fields, 12), component),
                firstRepetition(field(fields, 18), encoding),
                patientKey(text, fieldSeparator, encoding));
    }

    static int skipLeadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The segment starting at {@code from}, up to the next CR or LF. */
    static String segmentAt(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
            end++;
        }
        return text.substring(from, end);
    }

    /** PID-3, first repetition: ID number and assigning authority (CX-1 and CX-4). */
    private static String patientKey(String text, char fieldSeparator, String encoding) {
        int pid = findSegment(text, "PID" + fieldSeparator);
        if (pid < 0) {
            return "";
        }
        String[] fields = split(segmentAt(text, pid), fieldSeparator);
        String identifier = firstRepetition(fields.length > 3 ? fields[3] : "", encoding);
        String[] cx = split(identifier, encoding.charAt(0));
        String id = part(cx, 0);
        if (id.isEmpty()) {
            return "";
        }
        String authority = encoding.length() > 3 ? part(split(part(cx, 3), encoding.charAt(3)), 0) : part(cx, 3);
        return Hl7MessageHeader.patientIdentifier(authority, id);
    }

    private static int findSegment(String text, String prefix) {
        int from = 0;
        while (true) {
            int at = text.indexOf(prefix, from);
            if (at <= 0) {
                return at;
            }
            char before = text.charAt(at - 1);
            if (before == '\r' || before == '\n') {
                return at;
            }
            from = at + 1;
        }
    }

    private static String field(String[] fields, int mshSequence) {
        int index = mshSequence - 1;
        return index < fields.length ? fields[index] : "";
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }

    private static String firstComponent(String value, char component) {
        int at = value.indexOf(component);
        return at < 0 ? value : value.substring(0, at);
    }

    private static String firstRepetition(String value, String encoding) {
        if (encoding.length() < 2) {
            return value;
        }
        int at = value.indexOf(encoding.charAt(1));
        return at < 0 ? value : value.substring(0, at);
    }

    /** Splits on one character, keeping empty fields; no regex, as this runs for every inbound message. */
    static String[] split(String value, char separator) {
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
        int from = 0;
        for (int at = value.indexOf(separator); at >= 0; at = value.indexOf(separator, from)) {
            parts.add(value.substring(from, at));
            from = at + 1;
        }
        parts.add(value.substring(from));
        return parts.toArray(String[]::new);
    }
}
