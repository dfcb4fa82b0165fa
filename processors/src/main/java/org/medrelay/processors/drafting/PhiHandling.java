package org.medrelay.processors.drafting;

import java.util.Locale;

/**
 * What a model endpoint is sent ({@code medrelay.drafting.endpoint.<name>.phi-handling}).
 */
public enum PhiHandling {
    /** The patient's data as it is. Allowed only for endpoints marked on-premises or baa. */
    SEND,
    /**
     * De-identified (HIPAA Safe Harbor) with a session of its own per request; the reply's pseudonyms are put back
     * inside the deployment. Dates keep only their year, in the request and so in the reply.
     */
    DEIDENTIFY,
    /** Nothing: a request would carry identified data, so it is refused before anything is sent. */
    REFUSE;

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PhiHandling fromPropertyValue(String value, String key) {
        for (PhiHandling handling : values()) {
            if (handling.propertyValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return handling;
            }
        }
        throw new IllegalArgumentException(key + " must be send, deidentify or refuse; was '" + value + "'");
    }

    /** Endpoints under an agreement get the data as it is; others are refused until told to de-identify. */
    static PhiHandling defaultFor(DataAgreement agreement) {
        return agreement.allowsIdentifiedData() ? SEND : REFUSE;
    }
}
