package org.medrelay.mappings.x12.claims;

/**
 * A diagnosis code of a claim's HI segment: the qualifier (ABK principal, ABF other, ABJ admitting, APR reason for
 * visit, ABN external cause: ICD-10-CM; BK, BF, BJ, PR, BN: the same for ICD-9-CM) and the code as sent (no dot).
 */
public record Diagnosis(String qualifier, String code) {

    public boolean icd10() {
        return qualifier.startsWith("A");
    }
}
