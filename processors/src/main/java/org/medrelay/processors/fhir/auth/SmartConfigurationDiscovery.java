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
import java.time.Duration;

/**
 * Finds the token endpoint in the EHR's {@code <fhir-base>/.well-known/smart-configuration} (SMART App Launch
 * v2, "Conformance"), field {@code token_endpoint}. Asked on the first token request rather than at start,
 * so an EHR that is down when the engine starts delays writes instead of stopping the engine; once found,
 * the URL is kept for the life of the process.
 */
final class SmartConfigurationDiscovery implements TokenEndpointLocation {

    private static final Logger LOG = LoggerFactory.getLogger(SmartConfigurationDiscovery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WELL_KNOWN = "/.well-known/smart-configuration";

    private final URI configurationUrl;
    private final HttpClient http;
    private final Duration timeout;
    private volatile URI tokenUrl;

    SmartConfigurationDiscovery(String fhirBaseUrl, HttpClient http, Duration timeout) {
        String base = fhirBaseUrl.endsWith("/") ? fhirBaseUrl.substring(0, fhirBaseUrl.length() - 1) : fhirBaseUrl;
        this.configurationUrl = URI.create(base + WELL_KNOWN);
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public URI tokenUrl() {
        URI known = tokenUrl;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (tokenUrl == null) {
                tokenUrl = discover();
                LOG.info("Token endpoint {} discovered from {}", tokenUrl, configurationUrl);
            }
            return tokenUrl;
        }
    }

    private URI discover() {
        HttpRequest request = HttpRequest.newBuilder(configurationUrl).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw failure(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw failure("HTTP " + response.statusCode(), null);
        }
        JsonNode endpoint = tokenEndpointIn(response.body());
        if (endpoint == null || !endpoint.isTextual() || endpoint.asText().isBlank()) {
            throw failure("no token_endpoint in the document", null);
        }
        try {
            URI discovered = URI.create(endpoint.asText());
            if (!discovered.isAbsolute()) {
                throw failure("token_endpoint " + discovered + " is not an absolute URL", null);
            }
            return discovered;
        } catch (IllegalArgumentException e) {
            throw failure("token_endpoint is not a URL", e);
        }
    }

    private JsonNode tokenEndpointIn(String body) {
        try {
            return JSON.readTree(body).get("token_endpoint");
        } catch (IOException | RuntimeException e) {
            throw failure("the document is not JSON", e);
        }
    }

    private FhirAuthException failure(String problem, Throwable cause) {
        return new FhirAuthException("SMART configuration discovery at " + configurationUrl + " failed: " + problem
                + "; set " + FhirAuthProperties.TOKEN_URL + " to the EHR's token endpoint instead", cause);
    }
}
