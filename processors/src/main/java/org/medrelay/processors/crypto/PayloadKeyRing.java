package org.medrelay.processors.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The payload encryption keys: one active key that new payloads are sealed under, and older ones kept for reading
 * what they sealed until it is re-encrypted. Keys are AES-256 (32 bytes). {@link #toString()} names key ids only.
 */
public final class PayloadKeyRing {

    public static final int KEY_BYTES = 32;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;

    private PayloadKeyRing(String activeKeyId, Map<String, SecretKey> keys) {
        this.activeKeyId = activeKeyId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /** A ring with no keys: clear payloads only (encryption off and nothing was ever sealed). */
    public static PayloadKeyRing empty() {
        return new PayloadKeyRing(null, Map.of());
    }

    /**
     * @param activeKeyId the key new payloads are sealed under, or null for a ring used for reading only
     * @throws IllegalArgumentException naming the key id, never the key, when a key is not AES-256 or the active
     *                                  key is not in the ring
     */
    public static PayloadKeyRing of(String activeKeyId, Map<String, SecretKey> keys) {
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (!SealedPayloadFormat.isValidKeyId(id)) {
                throw new IllegalArgumentException("payload key id '" + id + "' is not 1 to 64 of a-z 0-9 _ . -");
            }
            byte[] encoded = key.getEncoded();
            if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded == null || encoded.length != KEY_BYTES) {
                throw new IllegalArgumentException("payload key " + id + " is not a 256-bit AES key");
            }
            copy.put(id, new SecretKeySpec(encoded, "AES"));
        });
        if (activeKeyId != null && !copy.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active payload key id " + activeKeyId + " is not among the keys ("
                    + String.join(", ", copy.keySet()) + ")");
        }
        return new PayloadKeyRing(activeKeyId, copy);
    }

    /** Raw 32-byte key material as an AES key. */
    public static SecretKey aesKey(byte[] material) {
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("a payload key must be " + KEY_BYTES + " bytes, not " + material.length);
        }
        return new SecretKeySpec(material, "AES");
    }

    public Optional<String> activeKeyId() {
        return Optional.ofNullable(activeKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "PayloadKeyRing[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
