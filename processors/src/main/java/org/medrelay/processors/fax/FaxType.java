package org.medrelay.processors.fax;

import java.util.Arrays;
import java.util.Locale;

/** What a fax is, as the practice routes it. The words are the CLI's and the corpus labels' contract. */
public enum FaxType {
    LAB_RESULT, IMAGING_REPORT, REFERRAL, PRIOR_AUTH_RESPONSE, RECORDS_REQUEST, REFILL_REQUEST, BILLING, MARKETING, OTHER;

    /** {@code lab-result}, {@code prior-auth-response}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FaxType fromWord(String word) {
        return Arrays.stream(values()).filter(type -> type.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a fax type: " + word));
    }
}
