package org.medrelay.processors.review;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the suite drafted for a person to approve: an X12 278, a FHIR resource, a letter, a fax cover sheet.
 * Bytes with a content type, because drafts are not all text. It holds PHI: {@link #toString()} names only the
 * content type and size.
 *
 * @param contentType a MIME type, e.g. {@code application/fhir+json}, {@code application/edi-x12}, {@code text/plain}
 */
public record Draft(byte[] payload, String contentType) {

    public Draft {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(contentType, "contentType");
        if (contentType.isBlank()) {
            throw new IllegalArgumentException("A draft needs a content type, e.g. text/plain");
        }
        payload = payload.clone();
    }

    public static Draft text(String text, String contentType) {
        return new Draft(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text (drafts of text content types). */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Draft that && Arrays.equals(payload, that.payload) && contentType.equals(that.contentType);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload) + contentType.hashCode();
    }

    @Override
    public String toString() {
        return "Draft[" + contentType + ", " + payload.length + " bytes]";
    }
}
