package org.medrelay.processors.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a message's bytes as received, in lower-case hex: what the store keeps beside each raw copy. */
public final class RawCopyHash {

    private RawCopyHash() {
    }

    public static String of(byte[] raw) {
        return hex(newDigest().digest(raw));
    }

    /** A SHA-256 digest, for bytes that are streamed rather than held (a file of hundreds of megabytes). */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
