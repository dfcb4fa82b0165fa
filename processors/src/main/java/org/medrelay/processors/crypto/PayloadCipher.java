package org.medrelay.processors.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * Seals payloads before they are stored and opens them when read: AES-256-GCM from the JDK's provider
 * ({@code AES/GCM/NoPadding}, FIPS-able), a fresh random 96-bit nonce per payload, and as associated data the
 * payload's header and its {@link PayloadBinding}. A payload altered, cut, moved to another row or given
 * another key id fails its tag check and throws {@link PayloadDecryptionException}; it is never returned as
 * garbage. Payloads record the key id they were sealed under ({@link SealedPayloadFormat}), so older keys in the
 * ring keep reading them after rotation.
 *
 * <p>With encryption off, payloads are stored as given, and sealed ones from before are still opened with the
 * ring's keys. Thread-safe: each thread keeps one {@link Cipher} and initialises it per payload with that payload's
 * nonce. The ACK path seals every message on the netty threads: making a Cipher per call cost as much there as the
 * encryption itself (the provider lookup, and the AES key schedule that an initialised Cipher keeps for its key).
 */
public final class PayloadCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(PayloadCipher::newCipher);

    private final PayloadKeyRing ring;
    private final boolean encrypting;
    private final SecureRandom random = new SecureRandom();

    private PayloadCipher(PayloadKeyRing ring, boolean encrypting) {
        this.ring = ring;
        this.encrypting = encrypting;
    }

    /** Seals new payloads under the ring's active key. */
    public static PayloadCipher encrypting(PayloadKeyRing ring) {
        if (ring.activeKeyId().isEmpty()) {
            throw new IllegalArgumentException("payload encryption needs an active key id");
        }
        return new PayloadCipher(ring, true);
    }

    /** Stores new payloads in clear (an operator's encrypted volume); opens older sealed ones with {@code ring}. */
    public static PayloadCipher clear(PayloadKeyRing ring) {
        return new PayloadCipher(ring, false);
    }

    /** Clear, with no keys: for stores that never had encryption on (tests of other parts, tools). */
    public static PayloadCipher clearOnly() {
        return clear(PayloadKeyRing.empty());
    }

    public boolean isEncrypting() {
        return encrypting;
    }

    /** The key id new payloads are sealed under; empty when they are stored in clear. */
    public Optional<String> writeKeyId() {
        return encrypting ? ring.activeKeyId() : Optional.empty();
    }

    public PayloadKeyRing keyRing() {
        return ring;
    }

    /** The form to store {@code plain} in; null stays null. */
    public byte[] seal(byte[] plain, PayloadBinding binding) {
        if (plain == null || !encrypting) {
            return plain;
        }
        String keyId = ring.activeKeyId().orElseThrow();
        byte[] header = SealedPayloadFormat.header(keyId);
        byte[] nonce = new byte[SealedPayloadFormat.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ring.key(keyId).orElseThrow(), nonce, header, binding);
            byte[] out = Arrays.copyOf(header, header.length + nonce.length + cipher.getOutputSize(plain.length));
            System.arraycopy(nonce, 0, out, header.length, nonce.length);
            int written = cipher.doFinal(plain, 0, plain.length, out, header.length + nonce.length);
            return written == out.length - header.length - nonce.length ? out
                    : Arrays.copyOf(out, header.length + nonce.length + written);
        } catch (GeneralSecurityException e) {
            // Only a JDK without AES-GCM gets here; the key and binding are known good.
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The payload as it was given to {@link #seal}; a clear one is returned as stored; null stays null. */
    public byte[] open(byte[] stored, PayloadBinding binding) {
        if (stored == null || !SealedPayloadFormat.isSealed(stored)) {
            return stored;
        }
        SealedPayloadFormat.Parts parts = SealedPayloadFormat.parse(stored, binding);
        SecretKey key = ring.key(parts.keyId()).orElseThrow(() -> new PayloadDecryptionException(
                "sealed payload " + binding + " is under key id " + parts.keyId() + ", which is not configured",
                binding, parts.keyId(), null));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, parts.nonce(),
                    Arrays.copyOf(stored, parts.headerLength()), binding);
            return cipher.doFinal(stored, parts.cipherTextOffset(), stored.length - parts.cipherTextOffset());
        } catch (AEADBadTagException e) {
            throw new PayloadDecryptionException("sealed payload " + binding + " fails its integrity check under key id "
                    + parts.keyId() + ": altered, or stored for another row", binding, parts.keyId(), e);
        } catch (GeneralSecurityException e) {
            throw new PayloadDecryptionException("sealed payload " + binding + " cannot be decrypted under key id "
                    + parts.keyId() + ": " + e.getClass().getSimpleName(), binding, parts.keyId(), e);
        }
    }

    /**
     * The stored form under the current policy: sealed under the active key, or clear when encryption is off.
     * Returns {@code stored} itself when it is already in that form, so a caller can skip the write.
     */
    public byte[] reseal(byte[] stored, PayloadBinding binding) {
        if (stored == null || isInWriteForm(stored)) {
            return stored;
        }
        return seal(open(stored, binding), binding);
    }

    /** Whether {@code stored} is already sealed under the active key (or clear, with encryption off). */
    public boolean isInWriteForm(byte[] stored) {
        return SealedPayloadFormat.keyIdOf(stored).equals(writeKeyId());
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] header, PayloadBinding binding)
            throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(SealedPayloadFormat.TAG_BITS, nonce));
        cipher.updateAAD(header);
        cipher.updateAAD(binding.associatedData());
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "PayloadCipher[" + (encrypting ? "AES-256-GCM, " : "clear, ") + ring + "]";
    }
}
