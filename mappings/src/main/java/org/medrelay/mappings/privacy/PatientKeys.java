package org.medrelay.mappings.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The pseudonymous key of a patient: HMAC-SHA256, under this deployment's secret, of the patient's identifier
 * ({@code authority:MRN}), cut to 96 bits and hex-encoded. It keeps one patient's messages in one JMS group and
 * names the patient in the audit trail and work items.
 *
 * <p>Keyed because MRNs are few and guessable: a plain hash of one is reversed by hashing every candidate MRN,
 * by anyone who can read the audit table or the broker's group ids. Without the secret that is no longer possible.
 */
public final class PatientKeys {

    /** RFC 2104 section 3: a key shorter than the hash output (32 bytes for SHA-256) weakens the HMAC. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    /** 96 bits, 24 hex digits: the length the keys had when they were plain SHA-256, so stored keys look alike. */
    private static final int KEY_BYTES = 12;

    private final ThreadLocal<Mac> macs;

    /** @param secret at least {@link #MIN_SECRET_BYTES} random bytes, kept by the deployment */
    public PatientKeys(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a patient-key secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
        // A Mac is not thread-safe, and the ingest path keys every message: one per thread, initialised once.
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
        macs.get();
    }

    /** The key of the patient (or, for a message naming none, of whatever stands in) with this identifier. */
    public String keyOf(String identifier) {
        byte[] mac = macs.get().doFinal(identifier.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, KEY_BYTES);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
