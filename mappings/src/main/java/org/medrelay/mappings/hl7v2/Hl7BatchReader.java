package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.ErrorCode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of a file into messages, the way files arrive from SFTP drops and exports: a
 * message starts at each MSH; FHS/BHS/BTS/FTS batch envelopes, blank lines, {@code //} and
 * {@code /* *}{@code /} comment lines, MLLP frame bytes (0x0B, 0x1C) and junk glued before an MSH
 * (a "[SOM]" marker) are dropped. Works on bytes, not text, because each message may declare its own
 * character set in MSH-18. Does not check the messages: {@link Hl7Parser} does.
 */
public final class Hl7BatchReader {

    private static final byte VT = 0x0B;
    private static final byte FS = 0x1C;

    private final long maxFileBytes;

    public Hl7BatchReader() {
        this(256L * 1024 * 1024);
    }

    /** @param maxFileBytes files larger than this are refused rather than read into memory */
    public Hl7BatchReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    /** The messages in {@code file}, in order; refuses a file that holds no MSH segment at all. */
    public List<RawHl7Message> split(byte[] file) throws Hl7InputException {
        if (file.length > maxFileBytes) {
            throw new Hl7InputException(ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "file is larger than the limit of " + maxFileBytes + " bytes");
        }
        List<RawHl7Message> messages = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int currentLine = 0;
        boolean inBlockComment = false;
        int lineNumber = 0;
        int start = startsWithBom(file) ? 3 : 0;
        while (start < file.length) {
            int end = lineEnd(file, start);
            lineNumber++;
            int[] range = trimFraming(file, start, end);
            int from = range[0];
            int to = range[1];
            int next = end < file.length && file[end] == '\r' && end + 1 < file.length && file[end + 1] == '\n'
                    ? end + 2 : end + 1;
            start = next;
            if (from >= to) {
                continue;
            }
            if (inBlockComment) {
                inBlockComment = indexOf(file, from, to, "*/") < 0;
                continue;
            }
            if (startsWith(file, from, to, "//")) {
                continue;
            }
            if (startsWith(file, from, to, "/*")) {
                inBlockComment = indexOf(file, from + 2, to, "*/") < 0;
                continue;
            }
            if (isEnvelope(file, from, to)) {
                current = flush(messages, current, currentLine);
                continue;
            }
            int msh = mshStart(file, from, to);
            if (msh >= 0) {
                current = flush(messages, current, currentLine);
                current = new ByteArrayOutputStream();
                currentLine = lineNumber;
                from = msh;
            }
            if (current != null) {
                current.write(file, from, to - from);
                current.write('\r');
            }
        }
        flush(messages, current, currentLine);
        if (messages.isEmpty()) {
            throw new Hl7InputException(ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "file holds no HL7v2 message: no line starts with MSH", "MSH", 0);
        }
        return messages;
    }

    private static ByteArrayOutputStream flush(List<RawHl7Message> messages, ByteArrayOutputStream current,
                                               int line) {
        if (current != null && current.size() > 0) {
            messages.add(new RawHl7Message(messages.size() + 1, line, current.toByteArray()));
        }
        return null;
    }

    /**
     * Where an MSH segment starts on this line, or -1. A line that starts with a well-formed segment
     * id is a segment, so an "MSH" inside its text is data; otherwise an MSH after leading junk counts.
     */
    private static int mshStart(byte[] file, int from, int to) {
        if (isMsh(file, from, to)) {
            return from;
        }
        if (startsWithSegmentId(file, from, to)) {
            return -1;
        }
        for (int i = from + 1; i + 3 < to; i++) {
            if (isMsh(file, i, to)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isMsh(byte[] file, int at, int to) {
        return at + 3 < to && file[at] == 'M' && file[at + 1] == 'S' && file[at + 2] == 'H'
                && !Character.isLetterOrDigit(file[at + 3]) && file[at + 3] > 0x20;
    }

    private static boolean isEnvelope(byte[] file, int from, int to) {
        for (String id : new String[] {"FHS", "BHS", "BTS", "FTS"}) {
            if (startsWith(file, from, to, id) && (to - from == 3 || !Character.isLetterOrDigit(file[from + 3]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithSegmentId(byte[] file, int from, int to) {
        if (to - from < 3 || file[from] < 'A' || file[from] > 'Z') {
            return false;
        }
        for (int i = from + 1; i < from + 3; i++) {
            boolean ok = file[i] >= 'A' && file[i] <= 'Z' || file[i] >= '0' && file[i] <= '9';
            if (!ok) {
                return false;
            }
        }
        return to - from == 3 || !Character.isLetterOrDigit(file[from + 3]);
    }

    private static int lineEnd(byte[] file, int start) {
        int i = start;
        while (i < file.length && file[i] != '\r' && file[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The line without MLLP bytes and surrounding blanks, as [from, to). */
    private static int[] trimFraming(byte[] file, int from, int to) {
        while (from < to && (file[from] == VT || file[from] == FS || file[from] == ' ' || file[from] == '\t')) {
            from++;
        }
        while (to > from && (file[to - 1] == VT || file[to - 1] == FS || file[to - 1] == ' ' || file[to - 1] == '\t')) {
            to--;
        }
        return new int[] {from, to};
    }

    private static boolean startsWith(byte[] file, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (file[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] file, int from, int to, String needle) {
        for (int i = from; i + needle.length() <= to; i++) {
            if (startsWith(file, i, to, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithBom(byte[] file) {
        return file.length >= 3 && file[0] == (byte) 0xEF && file[1] == (byte) 0xBB && file[2] == (byte) 0xBF;
    }
}
