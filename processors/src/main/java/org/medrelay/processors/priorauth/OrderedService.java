package org.medrelay.processors.priorauth;

/**
 * What an order asks for, as the requirements table matches it: the code system by its short name (CPT, HCPCS,
 * RXNORM, NDC, LOINC, SNOMED), the code, and its display for the reason a person reads.
 */
public record OrderedService(String system, String code, String display) {

    /** "CPT 70551 (MRI brain without contrast)". */
    public String describe() {
        return system + " " + code + (display.isEmpty() ? "" : " (" + display + ")");
    }
}
