package org.medrelay.processors.fhir.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One token request as it goes on the wire: form parameters ({@code application/x-www-form-urlencoded},
 * RFC 6749 section 4.4.2) and, for {@code client_secret_basic}, an Authorization header. Holds credentials,
 * so it has no {@code toString()} worth logging.
 */
final class TokenRequestForm {

    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String authorization;

    TokenRequestForm add(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    TokenRequestForm authorization(String headerValue) {
        this.authorization = headerValue;
        return this;
    }

    Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    String encoded() {
        return parameters.entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TokenRequestForm" + parameters.keySet();
    }
}
