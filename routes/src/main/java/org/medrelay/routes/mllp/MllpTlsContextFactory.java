package org.medrelay.routes.mllp;

import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link SSLContextParameters} the MLLP listener's netty endpoint refers to. The files are opened
 * here, at startup, so a wrong path or password stops the engine with a message naming the property, instead
 * of surfacing later as a failed route start or a handshake error on the first connection.
 */
public final class MllpTlsContextFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MllpTlsContextFactory.class);

    private MllpTlsContextFactory() {
    }

    public static SSLContextParameters forListener(MllpTlsSettings settings) {
        SSLContextParameters parameters = new SSLContextParameters();
        if (!settings.enabled()) {
            // The route refers to this bean either way. With ssl=false camel-netty 4.14.1 never reads it
            // (DefaultServerInitializerFactory adds no SslHandler), so the listener stays plain TCP.
            return parameters;
        }
        SSLParameters supported = supportedParameters();
        parameters.setKeyManagers(keyManagers(settings.keystore()));
        if (settings.truststore() != null) {
            parameters.setTrustManagers(trustManagers(settings.truststore()));
        }
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(supportedOnly(MllpTlsSettings.PROTOCOLS, settings.protocols(),
                supported.getProtocols()));
        parameters.setSecureSocketProtocols(protocols);
        if (!settings.cipherSuites().isEmpty()) {
            CipherSuitesParameters cipherSuites = new CipherSuitesParameters();
            cipherSuites.setCipherSuite(supportedOnly(MllpTlsSettings.CIPHER_SUITES, settings.cipherSuites(),
                    supported.getCipherSuites()));
            parameters.setCipherSuites(cipherSuites);
        }
        // camel-netty sets the engine's needClientAuth from the endpoint option after these parameters are
        // applied; the route passes the same property to both, so they cannot disagree.
        SSLContextServerParameters server = new SSLContextServerParameters();
        server.setClientAuthentication((settings.needClientAuth() ? ClientAuthentication.REQUIRE
                : ClientAuthentication.NONE).name());
        parameters.setServerParameters(server);
        LOG.info("MLLP listener TLS: {}, protocols {}, {}", settings.keystore(), settings.protocols(),
                settings.needClientAuth() ? "client certificates required, checked against " + settings.truststore()
                        : "no client certificates asked");
        return parameters;
    }

    private static KeyManagersParameters keyManagers(KeyStoreFile file) {
        return file.keyManagers(MllpTlsSettings.KEY_PASSWORD, MllpTlsSettings.KEYSTORE_PASSWORD);
    }

    private static TrustManagersParameters trustManagers(KeyStoreFile file) {
        KeyStore store = file.load();
        try {
            if (store.size() == 0) {
                // A PKCS12 file opened without its password lists no certificates rather than failing.
                throw new TlsConfigurationException(file.setting() + ": " + file.path().toAbsolutePath()
                        + " holds no certificates (empty, or opened without its password)");
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(file.setting() + ": " + e.getMessage(), e);
        }
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(store);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(keyStore);
        return trustManagers;
    }

    /** Refuses names this JVM does not know: Camel would drop them silently and the handshake fail later. */
    private static List<String> supportedOnly(String property, List<String> configured, String[] supported) {
        Set<String> known = Set.of(supported);
        for (String name : configured) {
            if (!known.contains(name)) {
                throw new TlsConfigurationException(property + ": " + name + " is not supported by this JVM");
            }
        }
        return configured;
    }

    private static SSLParameters supportedParameters() {
        try {
            return SSLContext.getDefault().getSupportedSSLParameters();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS: " + e.getMessage(), e);
        }
    }
}
