package org.medrelay.processors.crypto;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AES keys in a PKCS12 keystore, each under its key id as alias, as
 * {@code keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12 -alias k2026a -keystore payload-keys.p12}
 * makes them. Entries that are not secret keys (a TLS certificate kept in the same file) are left alone.
 * Errors name the file and the alias, never a password or key.
 */
public final class PayloadKeyStore {

    private PayloadKeyStore() {
    }

    /** @param password the keystore's password, also the entries' (keytool makes them the same for PKCS12) */
    public static Map<String, SecretKey> read(Path file, char[] password) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no payload keystore at " + file);
        } catch (IOException e) {
            // PKCS12 reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
            throw new IllegalArgumentException(e.getCause() instanceof UnrecoverableKeyException
                    ? "wrong password for the payload keystore " + file
                    : "cannot read the payload keystore " + file + ": " + e.getClass().getSimpleName());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the payload keystore " + file + ": "
                    + e.getClass().getSimpleName());
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof SecretKey key) {
                    keys.put(alias.toLowerCase(java.util.Locale.ROOT), key);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read a key of the payload keystore " + file + ": "
                    + e.getClass().getSimpleName());
        }
        return keys;
    }
}
