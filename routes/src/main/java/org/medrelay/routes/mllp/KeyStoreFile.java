package org.medrelay.routes.mllp;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A keystore or truststore file named by a setting ({@code medrelay.mllp.tls.keystore}, {@code --truststore}),
 * opened with errors that say which setting named it and where it pointed. Passwords are kept as given and
 * never appear in a message or in {@link #toString()}.
 */
public final class KeyStoreFile {

    private final String setting;
    private final Path path;
    private final String type;
    private final char[] password;
    private final char[] keyPassword;

    /**
     * @param setting     the property or option that named the file, for error messages
     * @param type        PKCS12 or JKS; empty or null to infer it from the file name
     * @param password    the store password; empty or null for none
     * @param keyPassword the password of the private keys; empty or null when it is the store password
     */
    public KeyStoreFile(String setting, Path path, String type, String password, String keyPassword) {
        this.setting = setting;
        this.path = path;
        this.type = typeOf(path, type);
        this.password = charsOrNull(password);
        this.keyPassword = charsOrNull(keyPassword);
    }

    public KeyStoreFile(String setting, Path path, String password) {
        this(setting, path, null, password, null);
    }

    /** The type named, else what the file name says: {@code .jks} is JKS, anything else PKCS12 (the JDK's default). */
    static String typeOf(Path path, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim().toUpperCase(Locale.ROOT);
        }
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }

    /** Opens the file; {@link TlsConfigurationException} naming the setting and the path if it cannot. */
    public KeyStore load() {
        if (!Files.exists(path)) {
            throw new TlsConfigurationException(setting + ": no such file " + path.toAbsolutePath());
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new TlsConfigurationException(setting + ": " + path.toAbsolutePath() + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // The JDK's reasons ("keystore password was incorrect") carry no secret, and say what to fix.
            throw new TlsConfigurationException(setting + ": cannot open " + path.toAbsolutePath() + " as " + type
                    + " (wrong password, or not a " + type + " file): " + e.getMessage(), e);
        }
    }

    /**
     * The file as the key managers of a TLS listener or client: loaded, checked to hold a private key that opens
     * with the key password, so a truststore given as the keystore or a wrong key password stops startup here,
     * naming the settings, rather than at the first handshake.
     *
     * @param keyPasswordSetting      the property of the key password, for the message
     * @param keystorePasswordSetting the property of the store password, for the message
     */
    public KeyManagersParameters keyManagers(String keyPasswordSetting, String keystorePasswordSetting) {
        KeyStore store = load();
        checkPrivateKeys(store, keyPasswordSetting, keystorePasswordSetting);
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(store);
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(keyStore);
        // Camel does not fall back to the store password for the keys; keytool makes them the same by default.
        char[] keys = keyPassword();
        keyManagers.setKeyPassword(keys == null ? null : new String(keys));
        return keyManagers;
    }

    private void checkPrivateKeys(KeyStore store, String keyPasswordSetting, String keystorePasswordSetting) {
        try {
            List<String> keyAliases = Collections.list(store.aliases()).stream()
                    .filter(alias -> isKeyEntry(store, alias)).toList();
            if (keyAliases.isEmpty()) {
                throw new TlsConfigurationException(setting + ": " + path.toAbsolutePath()
                        + " holds no private key (a truststore given as the keystore?)");
            }
            for (String alias : keyAliases) {
                store.getKey(alias, keyPassword());
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(setting + ": the private key in " + path.toAbsolutePath()
                    + " does not open with " + keyPasswordSetting + " (or, when that is empty, "
                    + keystorePasswordSetting + "): " + e.getMessage(), e);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public String setting() {
        return setting;
    }

    public Path path() {
        return path;
    }

    /** The store password, null when none was given. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** The password of the private keys: the one given for them, else the store password (keytool's default). */
    public char[] keyPassword() {
        return keyPassword != null ? keyPassword.clone() : password();
    }

    @Override
    public String toString() {
        return setting + "=" + path + " (" + type + ")";
    }

    private static char[] charsOrNull(String value) {
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }
}
