package org.medrelay.processors.priorauth;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a payer takes prior-authorization requests, as the requirements table names it. */
public enum SubmissionChannel {
    /** Da Vinci PAS: a Bundle to the payer's {@code Claim/$submit}. */
    FHIR_PAS("fhir-pas"),
    /** An X12 278 request (005010X217) through the clearinghouse. */
    X12_278("x12-278"),
    /** The payer's web portal: a person submits the drafted request. */
    PORTAL("portal"),
    /** Fax: a cover letter and the payer's form. */
    FAX("fax"),
    /** No request to send: authorization is not required. */
    NONE("none");

    private final String word;

    SubmissionChannel(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static SubmissionChannel ofWord(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel '" + word + "' (expected one of "
                        + Arrays.stream(values()).map(SubmissionChannel::word).collect(Collectors.joining(", ")) + ")"));
    }
}
