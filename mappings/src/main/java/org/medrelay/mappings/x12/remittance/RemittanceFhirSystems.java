package org.medrelay.mappings.x12.remittance;

/** The code and identifier systems the 835 to ExplanationOfBenefit mapping writes. */
final class RemittanceFhirSystems {

    /** X12 external code lists, as CARIN Blue Button and US Core name them. */
    static final String CARC = "https://x12.org/codes/claim-adjustment-reason-codes";
    static final String RARC = "https://x12.org/codes/remittance-advice-remark-codes";
    static final String GROUP = "https://x12.org/codes/claim-adjustment-group-codes";
    static final String CLAIM_STATUS = "https://x12.org/codes/claim-status-codes-835";
    /** FHIR's own adjudication categories (submitted, eligible, benefit ...). */
    static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";
    /** CARIN Blue Button: member liability (the patient's share) and identifier types. */
    static final String CARIN_ADJUDICATION = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";
    static final String CARIN_IDENTIFIER_TYPE = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType";
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String PAYMENT_TYPE = "http://terminology.hl7.org/CodeSystem/ex-paymenttype";
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /** CLP01 and CLP07 are numbers of the provider's and the payer's systems: MedRelay names them. */
    static final String PATIENT_CONTROL_NUMBER = "urn:medrelay:x12:835:patient-control-number";
    static final String PAYER_CLAIM_CONTROL_NUMBER = "urn:medrelay:x12:835:payer-claim-control-number";
    static final String PAYMENT_TRACE = "urn:medrelay:x12:835:trn02";
    /** SVC01-1 product/service id qualifiers to code systems: HC HCPCS/CPT, NU revenue code, AD ADA dental. */
    static String procedureSystem(String qualifier) {
        return switch (qualifier) {
            case "HC" -> "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
            case "NU" -> "https://www.nubc.org/CodeSystem/RevenueCodes";
            case "AD" -> "http://www.ada.org/cdt";
            case "N4" -> "http://hl7.org/fhir/sid/ndc";
            default -> "urn:medrelay:x12:product-service-id-qualifier:" + qualifier;
        };
    }

    private RemittanceFhirSystems() {
    }
}
