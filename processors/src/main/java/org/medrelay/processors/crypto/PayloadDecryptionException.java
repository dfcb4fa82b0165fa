package org.medrelay.processors.crypto;

/**
 * A stored payload that cannot be decrypted: altered, moved from another row, or sealed under a key this ring
 * does not hold. Never decrypted to garbage: AES-GCM's tag check fails first. The message names the payload by
 * its binding (kind and id) and the key id, never content or key material.
 */
public class PayloadDecryptionException extends RuntimeException {

    private final transient PayloadBinding binding;
    private final String keyId;

    public PayloadDecryptionException(String message, PayloadBinding binding, String keyId, Throwable cause) {
        super(message, cause);
        this.binding = binding;
        this.keyId = keyId;
    }

    public PayloadBinding binding() {
        return binding;
    }

    /** The key id the payload's header names, or null when the header itself is unreadable. */
    public String keyId() {
        return keyId;
    }
}
