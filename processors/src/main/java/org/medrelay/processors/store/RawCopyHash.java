package org.medrelay.processors.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a message's bytes as received, in lower-case hex: what the store keeps beside each raw copy. */
public final class RawCopyHash {

    private RawCopyHash() {
    }

    public static String of(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
