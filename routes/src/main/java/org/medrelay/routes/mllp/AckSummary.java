package org.medrelay.routes.mllp;

import java.nio.charset.StandardCharsets;

/** What a sender reads from an ACK: MSA-1 (AA, AE, AR...) and MSA-2 (the acknowledged control id). */
public record AckSummary(String code, String acknowledgedControlId, String text) {

    public static AckSummary of(byte[] ack) {
        // ACK bytes are decoded as ISO-8859-1 here: MSA holds only ASCII codes and ids.
        String text = new String(ack, StandardCharsets.ISO_8859_1);
        char fs = text.length() > 3 ? text.charAt(3) : '|';
        for (String segment : text.split("[\r\n]+")) {
            if (segment.startsWith("MSA" + fs)) {
                String[] fields = segment.split(java.util.regex.Pattern.quote(String.valueOf(fs)), -1);
                return new AckSummary(fields.length > 1 ? fields[1] : "", fields.length > 2 ? fields[2] : "", text);
            }
        }
        return new AckSummary("", "", text);
    }

    public boolean accepted() {
        return "AA".equals(code) || "CA".equals(code);
    }
}
