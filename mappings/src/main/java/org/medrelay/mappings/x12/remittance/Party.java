package org.medrelay.mappings.x12.remittance;

/**
 * A party an 835 names: payer (N1*PR, loop 1000A), payee (N1*PE, loop 1000B), patient (NM1*QC) or insured
 * (NM1*IL) of loop 2100. {@code name} is N102 or NM103 (last or organization name), {@code firstName} NM104,
 * {@code idQualifier} and {@code id} N103/N104 or NM108/NM109 (e.g. XX NPI, MI member id, FI tax id).
 */
public record Party(String name, String firstName, String idQualifier, String id) {

    public static final Party NONE = new Party("", "", "", "");

    public boolean present() {
        return !name.isEmpty() || !id.isEmpty();
    }
}
