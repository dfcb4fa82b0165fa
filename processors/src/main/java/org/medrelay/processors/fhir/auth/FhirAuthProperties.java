package org.medrelay.processors.fhir.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code medrelay.fhir.auth.*} property names and their defaults, and the reading of them into
 * {@link FhirAuthSettings} with an error that names the property when one is missing or wrong.
 */
public final class FhirAuthProperties {

    public static final String PREFIX = "medrelay.fhir.auth.";
    /** none (default), client-credentials or smart-backend-services. */
    public static final String TYPE = PREFIX + "type";
    /** Empty (default): discovered from {@code <fhir-base>/.well-known/smart-configuration}. */
    public static final String TOKEN_URL = PREFIX + "token-url";
    public static final String CLIENT_ID = PREFIX + "client-id";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    /** basic (default, client_secret_basic) or post (client_secret_post). */
    public static final String CLIENT_AUTH = PREFIX + "client-auth";
    public static final String SCOPE = PREFIX + "scope";
    public static final String PRIVATE_KEY = PREFIX + "private-key";
    public static final String PRIVATE_KEY_PASSWORD = PREFIX + "private-key-password";
    public static final String KEY_ID = PREFIX + "key-id";
    /** Empty (default): RS384 for an RSA key, ES384 for an EC key. */
    public static final String ALGORITHM = PREFIX + "algorithm";
    public static final String JKU = PREFIX + "jku";
    public static final String TOKEN_REFRESH_SKEW_SECONDS = PREFIX + "token-refresh-skew-seconds";
    public static final String TOKEN_TIMEOUT_MS = PREFIX + "token-timeout-ms";

    static final Duration DEFAULT_REFRESH_SKEW = Duration.ofSeconds(30);
    static final Duration DEFAULT_TOKEN_TIMEOUT = Duration.ofSeconds(10);

    private FhirAuthProperties() {
    }

    static FhirAuthSettings read(Map<String, String> properties) {
        Reader in = new Reader(properties);
        String typeValue = in.optional(TYPE);
        FhirAuthType type = typeValue == null ? FhirAuthType.NONE : FhirAuthType.fromPropertyValue(typeValue, TYPE);
        if (type == FhirAuthType.NONE) {
            return FhirAuthSettings.NONE;
        }
        Duration skew = Duration.ofSeconds(in.number(TOKEN_REFRESH_SKEW_SECONDS, DEFAULT_REFRESH_SKEW.toSeconds(), 0));
        Duration timeout = Duration.ofMillis(in.number(TOKEN_TIMEOUT_MS, DEFAULT_TOKEN_TIMEOUT.toMillis(), 1));
        URI tokenUrl = in.url(TOKEN_URL);
        String clientId = in.required(CLIENT_ID, type);
        if (type == FhirAuthType.CLIENT_CREDENTIALS) {
            String method = in.optional(CLIENT_AUTH);
            return new FhirAuthSettings(type, tokenUrl, clientId, in.required(CLIENT_SECRET, type),
                    method == null ? ClientSecretMethod.BASIC : ClientSecretMethod.fromPropertyValue(method, CLIENT_AUTH),
                    in.optional(SCOPE), null, null, null, null, null, skew, timeout);
        }
        // SMART App Launch v2, Backend Services: the token request SHALL carry scope, the JWT header SHALL carry kid.
        return new FhirAuthSettings(type, tokenUrl, clientId, null, ClientSecretMethod.BASIC,
                in.required(SCOPE, type), Path.of(in.required(PRIVATE_KEY, type)), in.optional(PRIVATE_KEY_PASSWORD),
                in.required(KEY_ID, type), in.optional(ALGORITHM), in.url(JKU), skew, timeout);
    }

    /** Trimmed values; blank counts as absent, since the defaults file lists optional keys with empty values. */
    private record Reader(Map<String, String> properties) {

        String optional(String name) {
            String value = properties.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String required(String name, FhirAuthType type) {
            String value = optional(name);
            if (value == null) {
                throw new FhirAuthConfigurationException(name + " is required when " + TYPE + "=" + type.propertyValue());
            }
            return value;
        }

        long number(String name, long defaultValue, long minimum) {
            String value = optional(name);
            try {
                long number = value == null ? defaultValue : Long.parseLong(value);
                if (number < minimum) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new FhirAuthConfigurationException(name + " must be a whole number of at least " + minimum + ", was " + value);
            }
        }

        URI url(String name) {
            String value = optional(name);
            if (value == null) {
                return null;
            }
            try {
                URI url = new URI(value);
                if (url.isAbsolute() && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // reported below with the property name
            }
            throw new FhirAuthConfigurationException(name + " must be an absolute http(s) URL, was " + value);
        }
    }
}
