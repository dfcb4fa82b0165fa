package org.medrelay.routes.mllp;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;

/**
 * What an MLLP sender needs for TLS: whom to trust and, for mutual TLS, which certificate to show.
 *
 * @param truststore the certificates (or CAs) the listener's certificate is checked against; null for the
 *                   JDK's own CA list, which suits a listener with a certificate from a public CA
 * @param keystore   the sender's certificate and private key, for a listener that requires one; null for none
 */
public record MllpClientTls(KeyStoreFile truststore, KeyStoreFile keystore) {

    /** Opens the files; {@link TlsConfigurationException} naming the option or property if one will not do. */
    public SSLSocketFactory socketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), trustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("TLS: " + e.getMessage(), e);
        }
    }

    private TrustManager[] trustManagers() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(truststore == null ? null : truststore.load());
            return trust.getTrustManagers();
        } catch (GeneralSecurityException e) {
            String which = truststore == null ? "the JDK's CA list" : truststore.setting();
            throw new TlsConfigurationException(which + ": " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers() {
        if (keystore == null) {
            return null;
        }
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keystore.load(), keystore.keyPassword());
            return keys.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(keystore.setting() + ": the private key in " + keystore.path()
                    + " does not open with its password: " + e.getMessage(), e);
        }
    }
}
