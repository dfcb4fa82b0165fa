package org.medrelay.routes.api;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.mllp.KeyStoreFile;
import org.medrelay.routes.mllp.TlsConfigurationException;

import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;

/**
 * TLS of the API and console listener, from {@code medrelay.http.tls.*}. The keystore is opened at startup
 * ({@link KeyStoreFile}), so a wrong path or password stops the engine naming the property, never the password.
 */
final class HttpTlsContextFactory {

    static final String PREFIX = "medrelay.http.tls.";

    private HttpTlsContextFactory() {
    }

    /** @return null when TLS is off: the listener speaks plain HTTP (loopback only, by default) */
    static SSLContextParameters fromProperties(EngineProperties props) {
        if (!props.getBoolean(PREFIX + "enabled")) {
            return null;
        }
        String path = props.get(PREFIX + "keystore");
        if (path.isEmpty()) {
            throw new TlsConfigurationException(PREFIX + "enabled=true needs " + PREFIX
                    + "keystore: the listener's certificate and private key (PKCS12 or JKS)");
        }
        KeyStoreFile file = new KeyStoreFile(PREFIX + "keystore", java.nio.file.Path.of(path),
                props.get(PREFIX + "keystore-type"), props.get(PREFIX + "keystore-password"),
                props.get(PREFIX + "key-password"));
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(file.keyManagers(PREFIX + "key-password", PREFIX + "keystore-password"));
        List<String> protocols = Arrays.stream(props.get(PREFIX + "protocols").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        SecureSocketProtocolsParameters secureProtocols = new SecureSocketProtocolsParameters();
        secureProtocols.setSecureSocketProtocol(protocols);
        parameters.setSecureSocketProtocols(secureProtocols);
        return parameters;
    }
}
