package org.medrelay.processors.drafting;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code medrelay.drafting.*} properties and the reading of them; documented with their defaults in the
 * engine's {@code medrelay-defaults.properties}. An endpoint's API key may come from the environment
 * ({@code MEDRELAY_DRAFTING_ENDPOINT_<NAME>_API_KEY}) even when no file names the key, so it need not be written
 * down anywhere.
 */
public final class DraftingProperties {

    public static final String PREFIX = "medrelay.drafting.";
    public static final String TEMPLATES_DIR = PREFIX + "templates-dir";
    public static final String DEFAULT_MODEL = PREFIX + "default-model";
    public static final String ENDPOINTS = PREFIX + "endpoints";
    static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(60);
    /** Endpoint names are property-key segments: lower-case words joined by '-'. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Function<String, String> property;
    private final Function<String, String> environment;

    /**
     * @param property    the configuration, key to value; a missing key reads as null or empty
     * @param environment environment variables by name (System::getenv)
     */
    public DraftingProperties(Function<String, String> property, Function<String, String> environment) {
        this.property = key -> blankToNull(property.apply(key));
        this.environment = name -> blankToNull(environment.apply(name));
    }

    public static String endpointKey(String endpoint, String suffix) {
        return PREFIX + "endpoint." + endpoint + "." + suffix;
    }

    /** The operator's template folder, or null for the built-in templates. */
    public Path templatesDir() {
        String dir = property.apply(TEMPLATES_DIR);
        return dir == null ? null : Path.of(dir);
    }

    /** {@code template}, or the name of a configured endpoint. */
    public String defaultModel() {
        String model = property.apply(DEFAULT_MODEL);
        return model == null ? TemplateDraftingModel.NAME : model;
    }

    public List<ChatCompletionsEndpoint> endpoints() {
        List<ChatCompletionsEndpoint> endpoints = new ArrayList<>();
        for (String name : endpointNames()) {
            endpoints.add(endpoint(name));
        }
        return endpoints;
    }

    private Set<String> endpointNames() {
        Set<String> names = new LinkedHashSet<>();
        String list = property.apply(ENDPOINTS);
        if (list == null) {
            return names;
        }
        for (String name : list.split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(trimmed).matches() || trimmed.equals(TemplateDraftingModel.NAME)) {
                throw new IllegalArgumentException(ENDPOINTS + ": an endpoint name is lower-case letters, digits and"
                        + " single hyphens, and not 'template'; was '" + trimmed + "'");
            }
            names.add(trimmed);
        }
        return names;
    }

    private ChatCompletionsEndpoint endpoint(String name) {
        String baseUrl = required(endpointKey(name, "base-url"));
        String model = required(endpointKey(name, "model"));
        String agreementKey = endpointKey(name, "agreement");
        String agreementValue = property.apply(agreementKey);
        DataAgreement agreement = agreementValue == null ? DataAgreement.NONE
                : DataAgreement.fromPropertyValue(agreementValue, agreementKey);
        String handlingKey = endpointKey(name, "phi-handling");
        String handlingValue = property.apply(handlingKey);
        PhiHandling handling = handlingValue == null ? PhiHandling.defaultFor(agreement)
                : PhiHandling.fromPropertyValue(handlingValue, handlingKey);
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(endpointKey(name, "base-url") + " is not a URL");
        }
        return new ChatCompletionsEndpoint(name, uri, model, apiKey(name), timeout(name), agreement, handling);
    }

    private String apiKey(String name) {
        String key = endpointKey(name, "api-key");
        String fromEnvironment = environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return fromEnvironment != null ? fromEnvironment : property.apply(key);
    }

    private Duration timeout(String name) {
        String key = endpointKey(name, "timeout-ms");
        String value = property.apply(key);
        if (value == null) {
            return FALLBACK_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of milliseconds, was '" + value + "'");
        }
    }

    private String required(String key) {
        String value = property.apply(key);
        if (value == null) {
            throw new IllegalArgumentException("missing configuration property " + key);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
