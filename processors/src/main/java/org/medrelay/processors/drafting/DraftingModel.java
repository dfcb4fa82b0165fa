package org.medrelay.processors.drafting;

/**
 * Drafts text for a person to review: a note, a letter, a request. Takes one request about one patient and
 * returns the draft with what produced it. Implementations: {@link TemplateDraftingModel}, deterministic and the
 * default; {@link ChatCompletionsDraftingModel}, a language model behind an OpenAI-compatible endpoint.
 */
public interface DraftingModel {

    /**
     * @throws IdentifiedDataRefusedException when the request would send identified data where the deployment
     *                                        has no agreement for it; nothing was sent
     * @throws DraftingModelException         when the backend failed (template unreadable, endpoint down)
     */
    DraftResult draft(DraftRequest request);

    /** The name operators configure and audit entries show, e.g. {@code template} or an endpoint name. */
    String name();
}
