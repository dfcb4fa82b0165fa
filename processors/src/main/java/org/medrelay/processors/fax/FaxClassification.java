package org.medrelay.processors.fax;

import java.util.List;

/**
 * What a fax is and how sure MedRelay is: the result a route routes on, and what {@code medrelay fax classify} prints.
 *
 * @param type       one of the nine types
 * @param confidence 0 to 1
 * @param triage     true when the confidence is below {@code medrelay.fax.triage-below}, or the fax could not be
 *                   read: it goes to a person in the triage queue instead of its type's queue
 * @param fields     the key fields found
 * @param reasons    the words and phrases that drove the decision (what the rule matched, the words the
 *                   categorizer weighed most), or why the fax could not be read
 */
public record FaxClassification(FaxType type, double confidence, boolean triage, FaxFields fields, List<String> reasons) {

    public FaxClassification {
        reasons = List.copyOf(reasons);
    }

    /** A fax that could not be read is never dropped: it is triaged with the reason as its only reason. */
    public static FaxClassification unreadable(String reason) {
        return new FaxClassification(FaxType.OTHER, 0.0, true, FaxFields.NONE, List.of("unreadable: " + reason));
    }
}
