package org.medrelay.processors.drafting;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One OpenAI-compatible chat-completions endpoint as the operator configured it
 * ({@code medrelay.drafting.endpoint.<name>.*}). Checked when built: an endpoint without an agreement can never be
 * set to receive identified data. {@link #toString()} leaves out the API key.
 *
 * @param baseUrl     the API root, e.g. {@code http://llm.internal:8000/v1}; requests go to
 *                    {@code <baseUrl>/chat/completions}
 * @param apiKey      sent as {@code Authorization: Bearer}; empty for servers that need none
 */
public record ChatCompletionsEndpoint(String name, URI baseUrl, String model, String apiKey, Duration timeout,
                                      DataAgreement agreement, PhiHandling phiHandling) {

    public ChatCompletionsEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(phiHandling, "phiHandling");
        apiKey = apiKey == null ? "" : apiKey.strip();
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException(DraftingProperties.endpointKey(name, "base-url")
                    + " must be an http or https URL");
        }
        if (phiHandling == PhiHandling.SEND && !agreement.allowsIdentifiedData()) {
            throw new IllegalArgumentException(DraftingProperties.endpointKey(name, "phi-handling")
                    + " is send, but " + DraftingProperties.endpointKey(name, "agreement")
                    + " is none: identified data goes only to endpoints marked on-premises or baa");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException(DraftingProperties.endpointKey(name, "timeout-ms") + " must be positive");
        }
    }

    /** True when requests carry the patient's data as it is. */
    public boolean sendsIdentifiedData() {
        return phiHandling == PhiHandling.SEND;
    }

    public URI chatCompletionsUri() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    @Override
    public String toString() {
        return "endpoint " + name + " (" + baseUrl + ", model " + model + ", agreement " + agreement.propertyValue()
                + ", phi-handling " + phiHandling.propertyValue() + (apiKey.isEmpty() ? "" : ", API key set") + ")";
    }
}
