package org.medrelay.processors.remittance;

/**
 * What the store says of a file about to be taken in: a new file (its row just recorded), one taken in before but not
 * finished (an earlier attempt failed: resume it), or a duplicate of a file already processed or quarantined, by
 * content or by sender and ISA13 ({@code reason} says which).
 */
public record Admission(Kind kind, long fileId, String reason) {

    public enum Kind { NEW, RESUME, DUPLICATE }

    public boolean duplicate() {
        return kind == Kind.DUPLICATE;
    }
}
