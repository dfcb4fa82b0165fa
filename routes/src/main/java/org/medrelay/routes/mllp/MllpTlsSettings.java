package org.medrelay.routes.mllp;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * How the MLLP listener does TLS, read from the {@code medrelay.mllp.tls.*} properties (documented with their
 * defaults in {@code medrelay-defaults.properties}). Combinations that would leave a listener less protected
 * than its configuration suggests are refused here, before anything listens.
 *
 * @param keystore     the listener's certificate and private key; null when TLS is off
 * @param truststore   the certificates client certificates are checked against; null when not configured
 * @param cipherSuites empty for the JDK's defaults for the enabled protocols
 */
public record MllpTlsSettings(boolean enabled, boolean needClientAuth, KeyStoreFile keystore, KeyStoreFile truststore,
                              List<String> protocols, List<String> cipherSuites) {

    static final String PREFIX = "medrelay.mllp.tls.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String NEED_CLIENT_AUTH = PREFIX + "need-client-auth";
    public static final String KEYSTORE = PREFIX + "keystore";
    public static final String KEYSTORE_TYPE = PREFIX + "keystore-type";
    public static final String KEYSTORE_PASSWORD = PREFIX + "keystore-password";
    public static final String KEY_PASSWORD = PREFIX + "key-password";
    public static final String TRUSTSTORE = PREFIX + "truststore";
    public static final String TRUSTSTORE_TYPE = PREFIX + "truststore-type";
    public static final String TRUSTSTORE_PASSWORD = PREFIX + "truststore-password";
    public static final String PROTOCOLS = PREFIX + "protocols";
    public static final String CIPHER_SUITES = PREFIX + "cipher-suites";

    private static final MllpTlsSettings OFF = new MllpTlsSettings(false, false, null, null, List.of(), List.of());

    /** @param property the configuration, key to value (a missing key reads as empty) */
    public static MllpTlsSettings from(Function<String, String> property) {
        Function<String, String> value = key -> {
            String v = property.apply(key);
            return v == null ? "" : v.trim();
        };
        boolean enabled = Boolean.parseBoolean(value.apply(ENABLED));
        boolean needClientAuth = Boolean.parseBoolean(value.apply(NEED_CLIENT_AUTH));
        if (!enabled) {
            if (needClientAuth) {
                // Fail closed: otherwise the listener would run plain TCP while its configuration reads as mutual TLS.
                throw new TlsConfigurationException(NEED_CLIENT_AUTH + "=true needs " + ENABLED + "=true");
            }
            return OFF;
        }
        if (value.apply(KEYSTORE).isEmpty()) {
            throw new TlsConfigurationException(ENABLED + "=true needs " + KEYSTORE
                    + ": the listener's certificate and private key (PKCS12 or JKS)");
        }
        KeyStoreFile keystore = new KeyStoreFile(KEYSTORE, Path.of(value.apply(KEYSTORE)), value.apply(KEYSTORE_TYPE),
                value.apply(KEYSTORE_PASSWORD), value.apply(KEY_PASSWORD));
        KeyStoreFile truststore = null;
        if (!value.apply(TRUSTSTORE).isEmpty()) {
            truststore = new KeyStoreFile(TRUSTSTORE, Path.of(value.apply(TRUSTSTORE)), value.apply(TRUSTSTORE_TYPE),
                    value.apply(TRUSTSTORE_PASSWORD), null);
        } else if (needClientAuth) {
            // Without it the JDK would check client certificates against its public CAs: anyone with a
            // certificate from a public CA could send.
            throw new TlsConfigurationException(NEED_CLIENT_AUTH + "=true needs " + TRUSTSTORE
                    + ": the certificates (or their CAs) of the senders allowed to connect");
        }
        List<String> protocols = list(value.apply(PROTOCOLS));
        if (protocols.isEmpty()) {
            throw new TlsConfigurationException(PROTOCOLS + " is empty: name at least one, e.g. TLSv1.3,TLSv1.2");
        }
        return new MllpTlsSettings(true, needClientAuth, keystore, truststore, protocols,
                list(value.apply(CIPHER_SUITES)));
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
