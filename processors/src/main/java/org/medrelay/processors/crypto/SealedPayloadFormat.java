package org.medrelay.processors.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The layout of a sealed payload, so that every one says how to open it after keys were rotated:
 *
 * <pre>
 *   0x00 'M' 'R' 'E'   magic: no text payload (HL7v2 starts with MSH, JSON with '{') starts with a NUL byte
 *   0x01               format version: AES-256-GCM, 96-bit nonce, 128-bit tag
 *   n                  key id length (1..64), then the key id in ASCII
 *   12 bytes           nonce, fresh and random for every payload
 *   rest               ciphertext with the GCM tag at its end
 * </pre>
 *
 * The header up to the nonce is authenticated too (part of the associated data), so a key id cannot be swapped.
 * A payload without the magic is clear: stored before encryption was turned on, or while it was off.
 */
public final class SealedPayloadFormat {

    static final byte[] MAGIC = {0x00, 'M', 'R', 'E'};
    static final byte VERSION_AES_256_GCM = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private SealedPayloadFormat() {
    }

    /** The parts of a sealed payload; {@code headerLength} bytes up to the nonce. */
    record Parts(String keyId, int headerLength, byte[] nonce, int cipherTextOffset) {
    }

    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length >= MAGIC.length
                && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The key id a sealed payload was written under; empty for a clear payload. */
    public static Optional<String> keyIdOf(byte[] stored) {
        return isSealed(stored) ? Optional.of(parse(stored, null).keyId()) : Optional.empty();
    }

    /** Key ids are lower-case (PKCS12 keystores lower-case aliases), 1 to 64 of {@code a-z 0-9 _ . -}. */
    public static boolean isValidKeyId(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches();
    }

    static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = Arrays.copyOf(MAGIC, MAGIC.length + 2 + id.length);
        header[MAGIC.length] = VERSION_AES_256_GCM;
        header[MAGIC.length + 1] = (byte) id.length;
        System.arraycopy(id, 0, header, MAGIC.length + 2, id.length);
        return header;
    }

    static Parts parse(byte[] stored, PayloadBinding binding) {
        int versionAt = MAGIC.length;
        if (stored.length < versionAt + 2) {
            throw unreadable("is cut short", binding);
        }
        if (stored[versionAt] != VERSION_AES_256_GCM) {
            throw unreadable("has format version " + stored[versionAt] + ", which this MedRelay does not know", binding);
        }
        int idLength = stored[versionAt + 1] & 0xff;
        int headerLength = versionAt + 2 + idLength;
        if (idLength == 0 || stored.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
            throw unreadable("is cut short", binding);
        }
        String keyId = new String(stored, versionAt + 2, idLength, StandardCharsets.US_ASCII);
        if (!isValidKeyId(keyId)) {
            throw unreadable("names no valid key id", binding);
        }
        byte[] nonce = Arrays.copyOfRange(stored, headerLength, headerLength + NONCE_BYTES);
        return new Parts(keyId, headerLength, nonce, headerLength + NONCE_BYTES);
    }

    private static PayloadDecryptionException unreadable(String what, PayloadBinding binding) {
        return new PayloadDecryptionException("sealed payload " + (binding == null ? "" : binding + " ") + what,
                binding, null, null);
    }
}
