package org.medrelay.routes.engine;

import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadKeyRing;
import org.medrelay.processors.crypto.PayloadKeyStore;
import org.medrelay.processors.crypto.SealedPayloadFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The payload cipher of a deployment, from {@code medrelay.encryption.*}: the keys of a PKCS12 keystore (alias =
 * key id), keys given as {@code medrelay.encryption.key.<id>} (base64; best from the environment,
 * {@code MEDRELAY_ENCRYPTION_KEY_<ID>}), and the key the engine made on the embedded defaults, which stays readable
 * after other keys are configured. New payloads are sealed under the active key; all the others are for reading.
 * Errors name properties, files and key ids, never a password or key.
 */
public final class PayloadEncryptionKeys {

    public static final String ENABLED = "medrelay.encryption.enabled";
    public static final String ACTIVE_KEY_ID = "medrelay.encryption.active-key-id";
    public static final String KEYSTORE = "medrelay.encryption.keystore";
    public static final String KEYSTORE_PASSWORD = "medrelay.encryption.keystore-password";
    public static final String KEY_PREFIX = "medrelay.encryption.key.";
    public static final String GENERATED_KEY_FILE = "medrelay.encryption.generated-key-file";
    /** The id of the key the engine makes on the embedded defaults. */
    public static final String GENERATED_KEY_ID = "local";

    private static final Logger LOG = LoggerFactory.getLogger(PayloadEncryptionKeys.class);

    private PayloadEncryptionKeys() {
    }

    /**
     * For the engine: with encryption on and no key configured, makes the generated key (owner-only) on the first
     * start, and says once in the log which key new payloads are sealed under, or that they are stored in clear.
     */
    public static PayloadCipher forEngine(EngineProperties props) {
        boolean enabled = props.getBoolean(ENABLED);
        Map<String, SecretKey> configured = configuredKeys(props);
        Path generated = generatedKeyFile(props);
        if (enabled && configured.isEmpty() && Files.notExists(generated)) {
            try {
                GeneratedSecretFile.create(generated, PayloadKeyRing.KEY_BYTES);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the payload encryption key file " + generated + " ("
                        + GENERATED_KEY_FILE + "): " + e.getClass().getSimpleName(), e);
            }
            LOG.info("Made a payload encryption key (id {}) in {}; back it up with the data: what it sealed cannot "
                    + "be read without it", GENERATED_KEY_ID, generated);
        }
        PayloadCipher cipher = cipher(props, configured, generated);
        if (cipher.isEncrypting()) {
            LOG.info("Payload encryption on (AES-256-GCM): new payloads sealed under key id {}; {} key(s) for reading",
                    cipher.writeKeyId().orElseThrow(), cipher.keyRing().keyIds().size());
        } else {
            LOG.warn("Payload encryption is off ({}=false): queued messages, raw copies, the error store and work item "
                    + "drafts are stored in clear; keep {} on an encrypted volume", ENABLED, props.dataDir());
        }
        return cipher;
    }

    /**
     * For the CLI: never makes a key (one made by whoever runs a command would not be the engine's). With no key at
     * all, the cipher reads clear payloads only and seals nothing; a sealed payload then fails naming its key id.
     */
    public static PayloadCipher forTools(EngineProperties props) {
        return cipher(props, configuredKeys(props), generatedKeyFile(props));
    }

    /** Property names of key material and passwords, to keep out of Camel's placeholders and any dump of them. */
    public static boolean isSecret(String property) {
        return property.startsWith(KEY_PREFIX) || property.equals(KEYSTORE_PASSWORD);
    }

    private static PayloadCipher cipher(EngineProperties props, Map<String, SecretKey> configured, Path generated) {
        Map<String, SecretKey> keys = new LinkedHashMap<>(configured);
        if (Files.exists(generated)) {
            if (keys.containsKey(GENERATED_KEY_ID)) {
                throw new IllegalStateException("key id " + GENERATED_KEY_ID + " is the generated key's (" + generated
                        + "); give the configured key another id");
            }
            keys.put(GENERATED_KEY_ID, readGeneratedKey(generated));
        }
        boolean enabled = props.getBoolean(ENABLED);
        if (keys.isEmpty()) {
            // Only the CLI gets here with encryption on (the engine made a key first): before the engine's first
            // start, there is nothing sealed to read, and nothing may be sealed under a key the engine does not have.
            return PayloadCipher.clear(PayloadKeyRing.empty());
        }
        String active = activeKeyId(props, configured, keys);
        try {
            PayloadKeyRing ring = PayloadKeyRing.of(active, keys);
            return enabled ? PayloadCipher.encrypting(ring) : PayloadCipher.clear(ring);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (" + ACTIVE_KEY_ID + ")", e);
        }
    }

    /** The configured id; else the only configured key; else the generated one. */
    private static String activeKeyId(EngineProperties props, Map<String, SecretKey> configured,
                                      Map<String, SecretKey> all) {
        String named = props.get(ACTIVE_KEY_ID).toLowerCase(Locale.ROOT);
        if (!named.isEmpty()) {
            return named;
        }
        if (configured.size() == 1) {
            return configured.keySet().iterator().next();
        }
        if (configured.isEmpty()) {
            return GENERATED_KEY_ID;
        }
        throw new IllegalStateException("several payload keys are configured (" + String.join(", ", all.keySet())
                + "): name the one new payloads are sealed under in " + ACTIVE_KEY_ID);
    }

    private static Map<String, SecretKey> configuredKeys(EngineProperties props) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String keystore = props.get(KEYSTORE);
        if (!keystore.isEmpty()) {
            try {
                keys.putAll(PayloadKeyStore.read(Path.of(keystore), props.get(KEYSTORE_PASSWORD).toCharArray()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage() + " (" + KEYSTORE + ")", e);
            }
        }
        Properties all = props.asProperties();
        for (String property : all.stringPropertyNames()) {
            if (!property.startsWith(KEY_PREFIX) || all.getProperty(property).isBlank()) {
                continue;
            }
            String id = property.substring(KEY_PREFIX.length()).toLowerCase(Locale.ROOT);
            if (!SealedPayloadFormat.isValidKeyId(id)) {
                throw new IllegalStateException(property + ": a key id is 1 to 64 of a-z 0-9 _ . -");
            }
            if (keys.containsKey(id)) {
                throw new IllegalStateException("payload key id " + id + " is both in " + keystore + " and in " + property);
            }
            keys.put(id, decode(all.getProperty(property).strip(), property));
        }
        return keys;
    }

    private static SecretKey readGeneratedKey(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return decode(text, "the payload encryption key file " + file + " (" + GENERATED_KEY_FILE + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the payload encryption key file " + file + " ("
                    + GENERATED_KEY_FILE + "): " + e.getClass().getSimpleName(), e);
        }
    }

    /** @param source the property or file, as the error names it; the decoder's own message quotes a character */
    private static SecretKey decode(String base64, String source) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(source + " is not base64");
        }
        if (material.length != PayloadKeyRing.KEY_BYTES) {
            throw new IllegalStateException(source + " must be " + PayloadKeyRing.KEY_BYTES + " bytes, base64 (e.g. "
                    + "`openssl rand -base64 32`), not " + material.length);
        }
        return PayloadKeyRing.aesKey(material);
    }

    private static Path generatedKeyFile(EngineProperties props) {
        return Path.of(props.get(GENERATED_KEY_FILE)).toAbsolutePath();
    }
}
