package org.medrelay.processors.refill;

/** The DEA controlled substance schedule of a drug class (21 CFR 1308), or none. */
public enum DeaSchedule {
    NONE, II, III, IV, V;

    /** {@code II}..{@code V}, or {@code -} for none, as the protocol table writes it. */
    static DeaSchedule parse(String value) {
        return "-".equals(value) ? NONE : valueOf(value);
    }

    /** Any schedule: the prescriber decides every refill, whatever the workflow mode. */
    public boolean controlled() {
        return this != NONE;
    }

    /** 21 CFR 1306.12: a Schedule II prescription may not be refilled; a new one is needed. */
    public boolean refillable() {
        return this != II;
    }
}
