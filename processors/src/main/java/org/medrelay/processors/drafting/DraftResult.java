package org.medrelay.processors.drafting;

import org.medrelay.processors.review.Draft;

import java.util.List;
import java.util.Objects;

/**
 * A draft and what produced it. When the template or the request lacked values the draft needs, they are listed
 * in {@code missingValues} (by name, e.g. {@code coverage.memberId}) and marked in the text where they belong:
 * a reviewer sees the gap instead of a letter with a silent blank. Holds PHI: {@link #toString()} omits the text.
 *
 * @param missingValues names of the values the draft needed and did not have; empty when complete
 */
public record DraftResult(String text, DraftProvenance producedBy, List<String> missingValues) {

    public DraftResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(producedBy, "producedBy");
        missingValues = List.copyOf(missingValues);
    }

    public boolean complete() {
        return missingValues.isEmpty();
    }

    /** The text as a work item draft. */
    public Draft asDraft() {
        return Draft.text(text, "text/plain");
    }

    @Override
    public String toString() {
        return "DraftResult[" + producedBy + ", " + text.length() + " chars, missing " + missingValues + "]";
    }
}
