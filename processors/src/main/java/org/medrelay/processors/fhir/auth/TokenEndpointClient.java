package org.medrelay.processors.fhir.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Posts a token request and reads the answer: an access token (RFC 6749 section 5.1) or an error
 * (section 5.2), which becomes a {@link TokenRequestException} naming the endpoint and the OAuth error code.
 */
final class TokenEndpointClient {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    TokenEndpointClient(HttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    AccessToken requestToken(URI tokenUrl, TokenRequestForm form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.encoded()));
        form.authorization().ifPresent(value -> request.header("Authorization", value));
        Instant sent = clock.instant();
        HttpResponse<String> response = send(tokenUrl, request.build());
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            throw new TokenRequestException(tokenUrl, response.statusCode(), text(body, "error"), text(body, "error_description"));
        }
        AccessToken token = tokenFrom(tokenUrl, body, sent);
        LOG.info("Access token obtained from {}, expires {}", tokenUrl,
                token.expiresAt() == null ? "when the EHR rejects it" : "at " + token.expiresAt());
        return token;
    }

    private HttpResponse<String> send(URI tokenUrl, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenRequestException(tokenUrl, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRequestException(tokenUrl, "interrupted", e);
        }
    }

    /** Expiry is counted from when the request was sent, so time spent on the wire shortens it, never lengthens it. */
    private static AccessToken tokenFrom(URI tokenUrl, JsonNode body, Instant sent) {
        String value = text(body, "access_token");
        if (value == null || value.isEmpty()) {
            throw new TokenRequestException(tokenUrl, "HTTP 200 without an access_token", null);
        }
        // RFC 6749 section 5.1: token_type is case insensitive. Another type (DPoP, MAC) needs proof we don't send.
        String type = text(body, "token_type");
        if (!"bearer".equalsIgnoreCase(type)) {
            throw new TokenRequestException(tokenUrl, "token_type is " + type + ", not Bearer", null);
        }
        JsonNode expiresIn = body.get("expires_in");
        if (expiresIn == null || expiresIn.isNull()) {
            return new AccessToken(value, null);
        }
        long seconds = expiresIn.asLong(-1);
        if (seconds < 0) {
            throw new TokenRequestException(tokenUrl, "expires_in is not a number of seconds", null);
        }
        return new AccessToken(value, sent.plusSeconds(seconds));
    }

    /** The body as JSON, or an empty object when it is not JSON (an HTML error page from a proxy, say). */
    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
