package org.medrelay.routes.mllp;

/**
 * TLS is configured in a way that cannot work: a setting is missing, a keystore file is absent or will not
 * open. The message names the setting (property or CLI option) and the path, never a password, so it can be
 * shown to the person starting the engine as it is.
 */
public class TlsConfigurationException extends IllegalStateException {

    public TlsConfigurationException(String message) {
        super(message);
    }

    public TlsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
