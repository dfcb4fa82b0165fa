package org.medrelay.processors.drafting;

import org.medrelay.processors.deid.Deidentifier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drafting models of a deployment by name: {@code template} always, and one per configured endpoint. Built
 * once at startup from {@link DraftingProperties}, so a misconfigured endpoint (identified data to an endpoint
 * without an agreement, a missing URL) stops the engine instead of failing the first draft.
 */
public final class DraftingModels {

    private final Map<String, DraftingModel> byName;
    private final String defaultModel;

    public DraftingModels(DraftingProperties properties, Deidentifier deidentifier, DraftingAudit audit) {
        Map<String, DraftingModel> models = new LinkedHashMap<>();
        models.put(TemplateDraftingModel.NAME, new TemplateDraftingModel(properties.templatesDir(), audit));
        for (ChatCompletionsEndpoint endpoint : properties.endpoints()) {
            models.put(endpoint.name(), new ChatCompletionsDraftingModel(endpoint, deidentifier, audit));
        }
        this.byName = Collections.unmodifiableMap(models);
        this.defaultModel = properties.defaultModel();
        if (!byName.containsKey(defaultModel)) {
            throw new IllegalArgumentException(DraftingProperties.DEFAULT_MODEL + " names '" + defaultModel
                    + "', which is neither template nor an endpoint in " + DraftingProperties.ENDPOINTS);
        }
    }

    public DraftingModel named(String name) {
        DraftingModel model = byName.get(name);
        if (model == null) {
            throw new IllegalArgumentException("no drafting model named '" + name + "'; configured: " + byName.keySet());
        }
        return model;
    }

    /** The model workflows use unless they name another ({@code medrelay.drafting.default-model}). */
    public DraftingModel defaultModel() {
        return byName.get(defaultModel);
    }
}
