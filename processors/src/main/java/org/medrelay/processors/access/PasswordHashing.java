package org.medrelay.processors.access;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 from the JDK, a slow key derivation function, so a copy of the store
 * does not give the passwords away to a fast guesser. Encoded as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (base64): the iteration count is read back from the hash, so raising it for new passwords keeps old ones valid.
 */
public final class PasswordHashing {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** OWASP's Password Storage Cheat Sheet (2023) asks at least this many for PBKDF2-HMAC-SHA256. */
    public static final int RECOMMENDED_ITERATIONS = 600_000;
    /** Below this the hash is too fast to be worth the name; refused so a typo cannot weaken every password. */
    static final int MINIMUM_ITERATIONS = 1_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHashing(int iterations) {
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("password iterations must be at least " + MINIMUM_ITERATIONS
                    + " (" + RECOMMENDED_ITERATIONS + " recommended), was " + iterations);
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Constant-time comparison; a malformed stored hash never matches. */
    public boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A hash that matches no password, made once with this instance's cost: checked against for unknown user
     * names, so a login for a name that does not exist takes as long as one for a name that does.
     */
    public String decoy() {
        return hash(new char[] {'x'});
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }
}
