package org.medrelay.mappings.x12;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What MedRelay tolerates in an X12 file before StAEDI lexes it, streaming: a UTF-8 byte order mark is
 * skipped; an ISA whose fields were not padded to their fixed widths (X12 requires 106 characters) is padded,
 * and each such field is noted as a finding (TA104 E with the ISA element's note code); a last segment without
 * its terminator gets one. Only the first ISA of a file is padded.
 */
final class X12InputNormalizer extends InputStream {

    /** ISA01-ISA16 widths, X12 005010 control segments. */
    private static final int[] ISA_WIDTHS = {0, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
    private static final int MAX_HEADER = 512;

    private final InputStream raw;
    private final List<InterchangeFinding> findings = new ArrayList<>();
    private byte[] head;
    private int headPosition;
    private int terminator = -1;
    private String lineEnding = "";
    private int lastSignificant = -1;
    private boolean terminatorAdded;

    X12InputNormalizer(InputStream raw) throws IOException {
        this.raw = raw;
        this.head = readHead();
    }

    /** Fields of the first ISA that had to be padded, as TA1 findings. */
    List<InterchangeFinding> findings() {
        return List.copyOf(findings);
    }

    /** CR LF, LF or nothing: what followed the ISA's segment terminator. */
    String lineEnding() {
        return lineEnding;
    }

    private byte[] readHead() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int first = raw.read();
        if (first == 0xEF) { // UTF-8 byte order mark EF BB BF
            raw.read();
            raw.read();
            first = raw.read();
        }
        int separators = 0;
        int separator = -1;
        int next = first;
        while (next >= 0 && buffer.size() < MAX_HEADER) {
            buffer.write(next);
            if (buffer.size() == 4) {
                separator = next;
            } else if (buffer.size() > 4 && next == separator) {
                separators++;
            }
            if (separators == 15 && buffer.size() > 4) {
                // ISA16 (one character) and the segment terminator follow the 15th separator after ISA01
                for (int i = 0; i < 2 && (next = raw.read()) >= 0; i++) {
                    buffer.write(next);
                }
                break;
            }
            next = raw.read();
        }
        byte[] bytes = buffer.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (separators == 15 && text.startsWith("ISA") && bytes.length >= 2) {
            terminator = bytes[bytes.length - 1] & 0xff;
            bytes = padIsa(text, (char) separator).getBytes(StandardCharsets.ISO_8859_1);
            String following = readFollowingTerminator();
            lineEnding = following.equals("\n") || following.equals("\r\n") ? following : "";
            byte[] rest = following.getBytes(StandardCharsets.ISO_8859_1);
            byte[] joined = new byte[bytes.length + rest.length];
            System.arraycopy(bytes, 0, joined, 0, bytes.length);
            System.arraycopy(rest, 0, joined, bytes.length, rest.length);
            bytes = joined;
        }
        return bytes;
    }

    /** The bytes after the ISA's terminator that tell whether segments end with a line break. */
    private String readFollowingTerminator() throws IOException {
        if (terminator == '\n' || terminator == '\r') {
            return "";
        }
        int next = raw.read();
        if (next != '\r') {
            return next < 0 ? "" : String.valueOf((char) next);
        }
        int after = raw.read();
        return after < 0 ? "\r" : "\r" + (char) after;
    }

    private String padIsa(String isa, char separator) {
        String body = isa.substring(0, isa.length() - 1);
        String[] fields = body.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (fields.length != 17) {
            return isa;
        }
        StringBuilder padded = new StringBuilder("ISA");
        for (int i = 1; i <= 16; i++) {
            String field = fields[i];
            if (field.length() < ISA_WIDTHS[i]) {
                findings.add(new InterchangeFinding(InterchangeNote.forIsaElement(i), String.format("ISA%02d", i), false,
                        "not padded to its fixed width of " + ISA_WIDTHS[i]));
                field = i == 13 ? "0".repeat(ISA_WIDTHS[i] - field.length()) + field
                        : field + " ".repeat(ISA_WIDTHS[i] - field.length());
            }
            padded.append(separator).append(field);
        }
        return padded.append(isa.charAt(isa.length() - 1)).toString();
    }

    @Override
    public int read() throws IOException {
        if (headPosition < head.length) {
            return track(head[headPosition++] & 0xff);
        }
        int next = raw.read();
        if (next >= 0) {
            return track(next);
        }
        if (terminator >= 0 && !terminatorAdded && lastSignificant >= 0 && lastSignificant != terminator) {
            terminatorAdded = true; // the last segment had no terminator
            return terminator;
        }
        return -1;
    }

    private int track(int value) {
        if (!Character.isWhitespace(value) || value == terminator) {
            lastSignificant = value;
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
