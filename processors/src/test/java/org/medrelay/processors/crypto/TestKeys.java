package org.medrelay.processors.crypto;

import javax.crypto.SecretKey;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** Random AES-256 keys for tests, made fresh each run; nothing here is a deployment's key. */
public final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    public static SecretKey randomKey() {
        byte[] material = new byte[PayloadKeyRing.KEY_BYTES];
        RANDOM.nextBytes(material);
        return PayloadKeyRing.aesKey(material);
    }

    /** A ring of fresh random keys under {@code ids}, the first one active. */
    public static PayloadKeyRing ring(String... ids) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String id : ids) {
            keys.put(id, randomKey());
        }
        return PayloadKeyRing.of(ids[0], keys);
    }

    /** The same keys as {@code ring}, with another active one. */
    public static PayloadKeyRing withActive(PayloadKeyRing ring, String activeKeyId, Map<String, SecretKey> added) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String id : ring.keyIds()) {
            keys.put(id, ring.key(id).orElseThrow());
        }
        keys.putAll(added);
        return PayloadKeyRing.of(activeKeyId, keys);
    }
}
