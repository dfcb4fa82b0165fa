package org.medrelay.processors.drafting;

import java.util.Locale;

/**
 * What the deployment has in place for a model endpoint, as the operator marks it
 * ({@code medrelay.drafting.endpoint.<name>.agreement}). Only the first two may receive identified data: an
 * endpoint inside the deployment, or one whose operator signed a business associate agreement (45 CFR 164.504(e)).
 */
public enum DataAgreement {
    /** Runs inside the deployment (the practice's own servers): data does not leave. */
    ON_PREMISES,
    /** A vendor under a business associate agreement with the practice. */
    BAA,
    /** Nothing in place: the endpoint must never receive identified data. The default. */
    NONE;

    public boolean allowsIdentifiedData() {
        return this != NONE;
    }

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static DataAgreement fromPropertyValue(String value, String key) {
        for (DataAgreement agreement : values()) {
            if (agreement.propertyValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return agreement;
            }
        }
        throw new IllegalArgumentException(key + " must be on-premises, baa or none; was '" + value + "'");
    }
}
