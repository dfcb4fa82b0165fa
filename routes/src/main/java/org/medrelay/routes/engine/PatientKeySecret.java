package org.medrelay.routes.engine;

import org.medrelay.mappings.privacy.PatientKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The deployment's patient-key secret, for the engine and the CLI alike: {@code medrelay.security.patient-key-secret}
 * when set (base64), else the key file the engine writes on its first start and reads on every later one, so a
 * patient keeps one key across restarts. Errors name the property or the file, never the secret.
 */
public final class PatientKeySecret {

    public static final String PROPERTY = "medrelay.security.patient-key-secret";
    public static final String FILE_PROPERTY = "medrelay.security.patient-key-file";

    private static final Logger LOG = LoggerFactory.getLogger(PatientKeySecret.class);
    private static final int GENERATED_BYTES = 32;

    private PatientKeySecret() {
    }

    /** For the engine: the configured secret, else the key file's, made (owner-only) if there is none yet. */
    public static PatientKeys loadOrCreate(EngineProperties props) {
        if (!props.get(PROPERTY).isEmpty()) {
            return fromProperty(props);
        }
        Path file = keyFile(props);
        try {
            if (Files.notExists(file)) {
                create(file);
                LOG.info("Made a patient-key secret in {}; back it up with the data", file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the patient-key secret file " + file + " (" + FILE_PROPERTY
                    + "): " + e.getClass().getSimpleName(), e);
        }
        return fromFile(file);
    }

    /**
     * For the CLI: never makes a secret. One made here, by whoever runs the command, would key patients apart from
     * the engine, or be a file the engine's own user cannot read.
     */
    public static PatientKeys load(EngineProperties props) {
        return props.get(PROPERTY).isEmpty() ? fromFile(keyFile(props)) : fromProperty(props);
    }

    private static PatientKeys fromProperty(EngineProperties props) {
        return new PatientKeys(decode(props.get(PROPERTY), PROPERTY));
    }

    private static PatientKeys fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no patient-key secret in " + file + " (" + FILE_PROPERTY + "): the engine "
                    + "makes it on its first start, or set " + PROPERTY);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the patient-key secret file " + file + " (" + FILE_PROPERTY
                    + "): " + e.getClass().getSimpleName(), e);
        }
        return new PatientKeys(decode(text, "the patient-key secret file " + file + " (" + FILE_PROPERTY + ")"));
    }

    /** @param source the property or file, as the error names it; the decoder's own message quotes a character */
    private static byte[] decode(String base64, String source) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(source + " is not base64");
        }
        if (secret.length < PatientKeys.MIN_SECRET_BYTES) {
            throw new IllegalStateException(source + " must be at least " + PatientKeys.MIN_SECRET_BYTES
                    + " bytes (base64 of random bytes, e.g. `openssl rand -base64 32`), not " + secret.length);
        }
        return secret;
    }

    private static Path keyFile(EngineProperties props) {
        return Path.of(props.get(FILE_PROPERTY)).toAbsolutePath();
    }

    private static void create(Path file) throws IOException {
        GeneratedSecretFile.create(file, GENERATED_BYTES);
    }
}
