package org.medrelay.mappings.x12.priorauth;

/** The systems and extensions of the ClaimResponse a 278 response maps to (Da Vinci PAS where it has one). */
public final class PriorAuthCodeSystems {

    /** TRN02 of the 278 request, echoed in the response's 2000E TRN*2: identifies the request and its answer. */
    public static final String TRACE = "urn:medrelay:x12:278-trace";
    /** X12 data element 306, HCR01 action code, as PAS names the system. */
    public static final String ACTION_CODE = "https://codesystem.x12.org/005010/306";
    /** X12 external code list 886, health care services review decision reason codes (HCR03). */
    public static final String DECISION_REASON = "https://codesystem.x12.org/external/886";
    /** X12 data element 901, AAA03 reject reason code (as the 271 mapping writes it). */
    public static final String REJECT_REASON = "urn:x12:de:901";
    /** PAS: the review decision on an item's adjudication, with sub-extensions number, reviewActionCode, reasonCode. */
    public static final String REVIEW_ACTION = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction";
    /** PAS: the period an item is authorized for. */
    public static final String ITEM_PRE_AUTH_PERIOD = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemPreAuthPeriod";
    /** The procedure a 2000F service level was about (SV101 qualifier and code), as the response repeats it. */
    public static final String SERVICE_PROCEDURE = "https://medrelay.org/fhir/StructureDefinition/x12-278-service-procedure";
    /** A procedure code of the 278 by its SV101-1 qualifier: this prefix and HC (CPT/HCPCS), IV (HIEC)... */
    public static final String PROCEDURE_PREFIX = "urn:medrelay:x12:product-service-id:";
    public static final String MEMBER_ID_PREFIX = "urn:medrelay:x12:member-id:";
    public static final String PAYER_ID_PREFIX = "urn:medrelay:x12:payer-id:";
    public static final String PROVIDER_ID_PREFIX = "urn:medrelay:x12:provider-id:";
    public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    public static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";

    private PriorAuthCodeSystems() {
    }
}
