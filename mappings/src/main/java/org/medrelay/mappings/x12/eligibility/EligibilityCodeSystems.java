package org.medrelay.mappings.x12.eligibility;

/** The systems of the codes and identifiers in the CoverageEligibilityResponse a 271 maps to. */
public final class EligibilityCodeSystems {

    /** TRN02 of the 270 and its 271 (loop 2000C/2000D): identifies the request and its response. */
    public static final String TRACE = "urn:medrelay:x12:270-trace";
    /** X12's external code list of EB03/EQ01 service type codes. */
    public static final String SERVICE_TYPE = "https://x12.org/codes/service-type-codes";
    /** X12 data element 1390, EB01 eligibility or benefit information code. */
    public static final String BENEFIT_INFORMATION = "urn:x12:de:1390";
    /** X12 data element 615, EB06 time period qualifier (23 calendar year, 29 remaining...). */
    public static final String TIME_PERIOD = "urn:x12:de:615";
    /** X12 data element 901, AAA03 reject reason code. */
    public static final String REJECT_REASON = "urn:x12:de:901";
    /** The payer's member id (NM109 after NM108 MI), per payer: this prefix and the payer id. */
    public static final String MEMBER_ID_PREFIX = "urn:medrelay:x12:member-id:";
    /** The payer's id (2100A NM109), per NM108 qualifier: this prefix and PI, XV... */
    public static final String PAYER_ID_PREFIX = "urn:medrelay:x12:payer-id:";
    public static final String BENEFIT_TYPE = "http://terminology.hl7.org/CodeSystem/benefit-type";
    public static final String BENEFIT_NETWORK = "http://terminology.hl7.org/CodeSystem/benefit-network";
    public static final String BENEFIT_UNIT = "http://terminology.hl7.org/CodeSystem/benefit-unit";
    /** Extension on a benefit: the amount left of it (EB06 29 remaining, 33 lifetime remaining). */
    public static final String REMAINING_EXTENSION = "https://medrelay.org/fhir/StructureDefinition/benefit-remaining";
    /** Extension on a benefit: the EB06 time period its amount is for. */
    public static final String TIME_PERIOD_EXTENSION = "https://medrelay.org/fhir/StructureDefinition/benefit-time-period";

    private EligibilityCodeSystems() {
    }
}
