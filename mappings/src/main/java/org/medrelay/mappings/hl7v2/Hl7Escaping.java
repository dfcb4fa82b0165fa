package org.medrelay.mappings.hl7v2;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escaping;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes every HL7v2 escape sequence (v2.5 section 2.7) in one pass. HAPI's default escaping
 * decodes \F\ \S\ \T\ \R\ \E\ only and leaves \X..\ and \.br\ as text; a second pass over its output
 * would wrongly decode text that was escaped on purpose (\E\X41\E\), so the whole job is done here.
 * Formatting sequences (\H\ \N\ \.sp\ ...) become plain text: FHIR strings carry no highlighting.
 * Encoding (writing a message) is left to HAPI.
 */
final class Hl7Escaping implements Escaping {

    private final DefaultEscaping encoder = new DefaultEscaping();

    @Override
    public String escape(String text, EncodingCharacters encoding) {
        return encoder.escape(text, encoding);
    }

    @Override
    public String unescape(String text, EncodingCharacters encoding) {
        char escape = encoding.getEscapeCharacter();
        if (text == null || text.indexOf(escape) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == escape ? text.indexOf(escape, i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String sequence = text.substring(i + 1, close);
            String decoded = decode(sequence, encoding);
            if (decoded == null) {
                // Not an escape sequence we know: keep the text as sent rather than lose it.
                out.append(c);
                i++;
            } else {
                out.append(decoded);
                i = close + 1;
            }
        }
        return out.toString();
    }

    /** The text one sequence stands for, or null when it is not a valid escape sequence. */
    private static String decode(String sequence, EncodingCharacters encoding) {
        if (sequence.isEmpty()) {
            return null;
        }
        switch (sequence) {
            case "F": return String.valueOf(encoding.getFieldSeparator());
            case "S": return String.valueOf(encoding.getComponentSeparator());
            case "T": return String.valueOf(encoding.getSubcomponentSeparator());
            case "R": return String.valueOf(encoding.getRepetitionSeparator());
            case "E": return String.valueOf(encoding.getEscapeCharacter());
            case "P": return String.valueOf(encoding.getTruncationCharacter());
            case "H", "N": return "";
            case ".br": return "\n";
            default: break;
        }
        char kind = sequence.charAt(0);
        String rest = sequence.substring(1);
        if (kind == 'X') {
            return hex(rest);
        }
        if (kind == '.' && (rest.startsWith("sp") || rest.startsWith("in") || rest.startsWith("ti")
                || rest.startsWith("sk") || rest.equals("fi") || rest.equals("nf") || rest.equals("ce"))) {
            return rest.startsWith("sp") ? "\n" : "";
        }
        if ((kind == 'C' || kind == 'M' || kind == 'Z') && rest.chars().allMatch(Character::isLetterOrDigit)) {
            // Character-set switches (C, M) and locally defined (Z) sequences carry no text of their own.
            return "";
        }
        return null;
    }

    /** \Xhhhh\: bytes in hex, read as UTF-8 when they form valid UTF-8, else one byte per character. */
    private static String hex(String digits) {
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(digits.length() / 2);
        for (int i = 0; i < digits.length(); i += 2) {
            int high = Character.digit(digits.charAt(i), 16);
            int low = Character.digit(digits.charAt(i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
        }
        byte[] raw = bytes.toByteArray();
        String utf8 = new String(raw, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') < 0 ? utf8 : new String(raw, StandardCharsets.ISO_8859_1);
    }
}
