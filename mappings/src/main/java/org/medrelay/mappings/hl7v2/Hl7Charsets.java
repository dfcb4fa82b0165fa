package org.medrelay.mappings.hl7v2;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the character set of one raw HL7v2 message. MSH-18 is read from the bytes before anything is
 * decoded (the MSH fields before it are ASCII in every character set HL7 allows); without a usable
 * MSH-18 the bytes are taken as UTF-8 when they are valid UTF-8, else as ISO-8859-1, which is what
 * senders that omit MSH-18 send in practice.
 */
public final class Hl7Charsets {

    /** How far into the bytes we look for MSH: enough to skip MLLP framing or a "[SOM]" marker. */
    private static final int MSH_SEARCH_WINDOW = 1024;
    private static final int MSH_18 = 18;

    /** HL7 table 0211 (alternate character sets) to Java charsets; keys are upper case with single spaces. */
    private static final Map<String, String> TABLE_0211 = Map.ofEntries(
            Map.entry("ASCII", "US-ASCII"),
            Map.entry("ISO IR6", "US-ASCII"),
            Map.entry("8859/1", "ISO-8859-1"), Map.entry("ISO IR100", "ISO-8859-1"),
            Map.entry("8859/2", "ISO-8859-2"), Map.entry("ISO IR101", "ISO-8859-2"),
            Map.entry("8859/3", "ISO-8859-3"), Map.entry("ISO IR109", "ISO-8859-3"),
            Map.entry("8859/4", "ISO-8859-4"), Map.entry("ISO IR110", "ISO-8859-4"),
            Map.entry("8859/5", "ISO-8859-5"), Map.entry("ISO IR144", "ISO-8859-5"),
            Map.entry("8859/6", "ISO-8859-6"), Map.entry("ISO IR127", "ISO-8859-6"),
            Map.entry("8859/7", "ISO-8859-7"), Map.entry("ISO IR126", "ISO-8859-7"),
            Map.entry("8859/8", "ISO-8859-8"), Map.entry("ISO IR138", "ISO-8859-8"),
            Map.entry("8859/9", "ISO-8859-9"), Map.entry("ISO IR148", "ISO-8859-9"),
            Map.entry("8859/15", "ISO-8859-15"),
            Map.entry("ISO IR192", "UTF-8"),
            Map.entry("UNICODE UTF-8", "UTF-8"),
            Map.entry("UNICODE", "UTF-16"),
            Map.entry("UNICODE UTF-16", "UTF-16"),
            Map.entry("UNICODE UTF-32", "UTF-32"),
            Map.entry("ISO IR87", "ISO-2022-JP"),
            Map.entry("ISO IR159", "ISO-2022-JP"),
            Map.entry("GB 18030-2000", "GB18030"),
            Map.entry("KS X 1001", "EUC-KR"),
            Map.entry("CNS 11643-1992", "x-EUC-TW"),
            Map.entry("BIG-5", "Big5"));

    private Hl7Charsets() {
    }

    /** The charset to decode {@code raw} with; never null. */
    public static Charset detect(byte[] raw) {
        if (startsWith(raw, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(raw, (byte) 0xFE, (byte) 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(raw, (byte) 0xFF, (byte) 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        Charset declared = declared(raw);
        if (declared != null) {
            return declared;
        }
        return isValidUtf8(raw) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /** Decodes one message with {@link #detect}, dropping a byte-order mark. */
    public static String decode(byte[] raw) {
        String text = new String(raw, detect(raw));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The charset named by MSH-18, or null when there is none, it is ASCII (a subset of both
     * fallbacks, and often declared by senders that then send Latin-1 or UTF-8 anyway) or unknown.
     */
    static Charset declared(byte[] raw) {
        String value = msh18(raw);
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        String javaName = TABLE_0211.get(key);
        if ("US-ASCII".equals(javaName)) {
            return null;
        }
        try {
            if (javaName != null) {
                return Charset.forName(javaName);
            }
            // Senders sometimes write the IANA name (UTF-8, ISO-8859-1) instead of the table 0211 code.
            return Charset.isSupported(key) ? Charset.forName(key) : null;
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }

    /** First component of the first repetition of MSH-18, read as ASCII; null when absent. */
    private static String msh18(byte[] raw) {
        int msh = indexOfMsh(raw);
        if (msh < 0 || msh + 8 > raw.length) {
            return null;
        }
        byte fieldSeparator = raw[msh + 3];
        int encodingStart = msh + 4;
        byte component = raw[encodingStart];
        byte repetition = raw[encodingStart + 1];
        int field = 1;
        int start = -1;
        for (int i = msh + 3; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r' || b == '\n') {
                break;
            }
            if (b == fieldSeparator) {
                field++;
                if (field == MSH_18) {
                    start = i + 1;
                } else if (field > MSH_18) {
                    return ascii(raw, start, i, component, repetition);
                }
            }
        }
        if (start < 0) {
            return null;
        }
        int end = start;
        while (end < raw.length && raw[end] != '\r' && raw[end] != '\n') {
            end++;
        }
        return ascii(raw, start, end, component, repetition);
    }

    private static String ascii(byte[] raw, int start, int end, byte component, byte repetition) {
        StringBuilder value = new StringBuilder();
        for (int i = start; i < end && raw[i] != component && raw[i] != repetition; i++) {
            value.append((char) (raw[i] & 0x7F));
        }
        return value.toString();
    }

    private static int indexOfMsh(byte[] raw) {
        int limit = Math.min(raw.length - 3, MSH_SEARCH_WINDOW);
        for (int i = 0; i < limit; i++) {
            if (raw[i] == 'M' && raw[i + 1] == 'S' && raw[i + 2] == 'H') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isValidUtf8(byte[] raw) {
        if (isAscii(raw)) {
            return true; // most messages: no decoder, no buffer, on the ACK path
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean isAscii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] raw, byte... prefix) {
        if (raw.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (raw[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
