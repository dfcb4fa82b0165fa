package org.medrelay.processors.drafting;

import java.util.Objects;

/**
 * What produced a draft, for the person reviewing it and for the scorecard: the backend, which template or
 * endpoint, which version of it, and whether the model saw de-identified data only.
 *
 * @param backend      {@code template} or {@code chat-completions}
 * @param source       the template file ({@code appeal-letter.ftl}) or the endpoint's configured name
 * @param version      the template's SHA-256 (first 16 hex digits), or the model name the endpoint reported
 * @param deidentified true when what left MedRelay was de-identified; false for templates (nothing left) and
 *                     for endpoints under an agreement that were sent identified data
 */
public record DraftProvenance(String backend, String source, String version, boolean deidentified) {

    public DraftProvenance {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return backend + " " + source + " (" + version + (deidentified ? ", de-identified" : "") + ")";
    }
}
