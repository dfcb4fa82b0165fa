package org.medrelay.processors.drafting;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a draft is for. The code names the template of the template backend ({@code <code>.ftl}) and is told to a
 * model endpoint; a workflow adds its own kind with {@link #of(String)} and a template of that name.
 *
 * @param code lower-case words joined by '-', e.g. {@code appeal-letter}
 */
public record DraftKind(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Eligibility: a note to the front desk about coverage that is inactive, missing or not covering the visit. */
    public static final DraftKind ELIGIBILITY_GAP_NOTE = new DraftKind("eligibility-gap-note");
    /** Denials: a letter to the payer appealing a denied claim. */
    public static final DraftKind APPEAL_LETTER = new DraftKind("appeal-letter");
    /** Prior authorization: the request for a service, to the payer. */
    public static final DraftKind PRIOR_AUTH_REQUEST = new DraftKind("prior-auth-request");

    public DraftKind {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches() || code.length() > 60) {
            throw new IllegalArgumentException("A draft kind is up to 60 lower-case letters, digits and single"
                    + " hyphens, e.g. appeal-letter; was " + code);
        }
    }

    public static DraftKind of(String code) {
        return new DraftKind(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
