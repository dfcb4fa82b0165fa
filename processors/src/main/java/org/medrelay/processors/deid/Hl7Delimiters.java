package org.medrelay.processors.deid;

import ca.uhn.hl7v2.parser.DefaultEscaping;
import ca.uhn.hl7v2.parser.EncodingCharacters;

/**
 * The delimiters one HL7v2 message declares in MSH-1 and MSH-2, with HAPI's escaping for values
 * written back into it: a pseudonym or free text never breaks the message's structure.
 */
final class Hl7Delimiters {

    private static final DefaultEscaping ESCAPING = new DefaultEscaping();
    /** v2.1 senders may declare no sub-component separator; one the message does not use stands in. */
    private static final String SPARE_SUBCOMPONENT = "&#$@!%*";

    final char field;
    final char component;
    final char repetition;
    final char escape;
    final char subcomponent;
    private final EncodingCharacters encoding;

    private Hl7Delimiters(char field, char component, char repetition, char escape, char subcomponent) {
        this.field = field;
        this.component = component;
        this.repetition = repetition;
        this.escape = escape;
        this.subcomponent = subcomponent;
        this.encoding = new EncodingCharacters(field, component, repetition, escape, subcomponent);
    }

    /** Reads MSH-1 and MSH-2 from the first segment; refuses a message that does not start with one. */
    static Hl7Delimiters of(String msh) {
        if (msh.length() < 8 || !msh.startsWith("MSH")) {
            throw new DeidentificationException("not an HL7v2 message: the first segment is not MSH");
        }
        char field = msh.charAt(3);
        int end = msh.indexOf(field, 4);
        String declared = end < 0 ? msh.substring(4) : msh.substring(4, end);
        if (declared.length() < 3) {
            throw new DeidentificationException("MSH-2 declares fewer than 3 encoding characters");
        }
        char sub = declared.length() > 3 ? declared.charAt(3) : spare(field, declared, msh);
        return new Hl7Delimiters(field, declared.charAt(0), declared.charAt(1), declared.charAt(2), sub);
    }

    private static char spare(char field, String declared, String msh) {
        for (char c : SPARE_SUBCOMPONENT.toCharArray()) {
            if (c != field && declared.indexOf(c) < 0 && msh.indexOf(c) < 0) {
                return c;
            }
        }
        return '&';
    }

    String unescape(String raw) {
        return raw.indexOf(escape) < 0 ? raw : ESCAPING.unescape(raw, encoding);
    }

    String escape(String text) {
        return ESCAPING.escape(text, encoding);
    }
}
