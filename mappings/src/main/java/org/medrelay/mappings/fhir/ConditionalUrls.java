package org.medrelay.mappings.fhir;

import java.nio.charset.StandardCharsets;

/**
 * Builds the conditional-update URL of a bundle entry, {@code Patient?identifier=<system>|<value>}.
 * Percent-encodes only what would break the query (FHIR search syntax and URL reserved characters),
 * so the usual {@code urn:} and {@code http://} systems stay readable in logs and audit trails.
 */
final class ConditionalUrls {

    private static final String HEX = "0123456789ABCDEF";

    private ConditionalUrls() {
    }

    static String byIdentifier(String resourceType, String system, String value) {
        return resourceType + "?identifier=" + encode(system) + "|" + encode(value);
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = c > 0x20 && c < 0x7F && "%&+|#=?,$\\\"<>{}^`[] ".indexOf(c) < 0;
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }
}
