package org.medrelay.processors.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stages of an outbound referral loop, in order; REPORT_RECEIVED closes it. */
public enum ReferralStage {
    SENT, ACKNOWLEDGED, SCHEDULED, SEEN, REPORT_RECEIVED;

    /** {@code sent}, {@code acknowledged}, ..., {@code report-received}: in the store, the CLI and properties. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean closes() {
        return this == REPORT_RECEIVED;
    }

    public static Optional<ReferralStage> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst();
    }
}
