package org.medrelay.processors.fhir.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Reads the client's private key from {@code medrelay.fhir.auth.private-key}: a PEM file holding an
 * unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}), or a PKCS12 keystore, told apart by content.
 * A key that must stay encrypted at rest goes in a PKCS12 keystore, whose password is
 * {@code medrelay.fhir.auth.private-key-password} (used for the store and the key, as keytool and openssl do).
 */
final class PrivateKeyFile {

    private static final String PROPERTY = FhirAuthProperties.PRIVATE_KEY;
    private static final String PEM_PKCS8 = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private PrivateKeyFile() {
    }

    /**
     * @param keyId the JWT {@code kid}; in a keystore with several keys, the alias of the one to use
     */
    static PrivateKey read(Path file, String password, String keyId) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FhirAuthConfigurationException(PROPERTY + " " + file + " cannot be read: " + e, e);
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        return text.stripLeading().startsWith("-----BEGIN") ? fromPem(file, text) : fromPkcs12(file, content, password, keyId);
    }

    private static PrivateKey fromPem(Path file, String text) {
        int begin = text.indexOf(PEM_PKCS8);
        int end = text.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new FhirAuthConfigurationException(PROPERTY + " " + file + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
                    + " convert it with `openssl pkcs8 -topk8 -nocrypt`, or put an encrypted key in a PKCS12 keystore");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + PEM_PKCS8.length(), end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // PKCS#8 names the algorithm inside; trying the two SMART allows is simpler than parsing the DER.
            }
        }
        throw new FhirAuthConfigurationException(PROPERTY + " " + file + " is neither an RSA nor an EC key");
    }

    private static PrivateKey fromPkcs12(Path file, byte[] content, String password, String keyId) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = new ByteArrayInputStream(content)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            String alias = aliasOf(store, keyId, file);
            return (PrivateKey) store.getKey(alias, secret);
        } catch (IOException | GeneralSecurityException e) {
            throw new FhirAuthConfigurationException(PROPERTY + " " + file + " is not a PKCS12 keystore that opens with "
                    + FhirAuthProperties.PRIVATE_KEY_PASSWORD + ": " + e.getMessage(), e);
        }
    }

    /** The key whose alias is the key id, else the only key in the store. */
    private static String aliasOf(KeyStore store, String keyId, Path file) throws GeneralSecurityException {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        for (String alias : keyAliases) {
            if (alias.equalsIgnoreCase(keyId)) {
                return alias;
            }
        }
        if (keyAliases.size() == 1) {
            return keyAliases.get(0);
        }
        throw new FhirAuthConfigurationException(PROPERTY + " " + file + " holds " + keyAliases.size()
                + " private keys and none has the alias " + FhirAuthProperties.KEY_ID + "=" + keyId);
    }
}
