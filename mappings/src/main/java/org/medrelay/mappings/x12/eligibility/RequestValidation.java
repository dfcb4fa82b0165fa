package org.medrelay.mappings.x12.eligibility;

import java.util.Map;

/**
 * An AAA segment of a 271: the payer could not answer (005010X279A1 AAA in 2000A, 2100A, 2100B, 2100C, 2110C,
 * 2100D, 2110D).
 *
 * @param loop          where it was: "2000A"/"2100A" payer, "2100B" provider, "2100C"/"2110C" subscriber,
 *                      "2100D"/"2110D" dependent
 * @param validRequest  AAA01: Y the request was valid but could not be answered, N it was not valid
 * @param rejectReason  AAA03 reject reason code (72 invalid/missing subscriber/insured id, 75 subscriber/insured
 *                      not found, 42 unable to respond at current time...)
 * @param followUp      AAA04: C please correct and resubmit, N resubmission not allowed, R resubmission allowed,
 *                      P please resubmit original transaction, W wait 30 days, X wait 10 days, Y do not resubmit
 */
public record RequestValidation(String loop, String validRequest, String rejectReason, String followUp) {

    private static final Map<String, String> AAA03 = Map.ofEntries(
            Map.entry("04", "Authorized Quantity Exceeded"), Map.entry("15", "Required application data missing"),
            Map.entry("41", "Authorization/Access Restrictions"), Map.entry("42", "Unable to Respond at Current Time"),
            Map.entry("43", "Invalid/Missing Provider Identification"), Map.entry("44", "Invalid/Missing Provider Name"),
            Map.entry("45", "Invalid/Missing Provider Specialty"), Map.entry("46", "Invalid/Missing Provider Phone Number"),
            Map.entry("47", "Invalid/Missing Provider State"), Map.entry("48", "Invalid/Missing Referring Provider Identification Number"),
            Map.entry("49", "Provider is Not Primary Care Physician"), Map.entry("50", "Provider Ineligible for Inquiries"),
            Map.entry("51", "Provider Not on File"), Map.entry("52", "Service Dates Not Within Provider Plan Enrollment"),
            Map.entry("53", "Inquired Benefit Inconsistent with Provider Type"), Map.entry("54", "Inappropriate Product/Service ID Qualifier"),
            Map.entry("55", "Inappropriate Product/Service ID"), Map.entry("56", "Inappropriate Date"),
            Map.entry("57", "Invalid/Missing Date(s) of Service"), Map.entry("58", "Invalid/Missing Date-of-Birth"),
            Map.entry("60", "Date of Birth Follows Date(s) of Service"), Map.entry("61", "Date of Death Precedes Date(s) of Service"),
            Map.entry("62", "Date of Service Not Within Allowable Inquiry Period"), Map.entry("63", "Date of Service in Future"),
            Map.entry("64", "Invalid/Missing Patient ID"), Map.entry("65", "Invalid/Missing Patient Name"),
            Map.entry("66", "Invalid/Missing Patient Gender Code"), Map.entry("67", "Patient Not Found"),
            Map.entry("68", "Duplicate Patient ID Number"), Map.entry("69", "Inconsistent with Patient's Age"),
            Map.entry("70", "Inconsistent with Patient's Gender"), Map.entry("71", "Patient Birth Date Does Not Match That for the Patient on the Database"),
            Map.entry("72", "Invalid/Missing Subscriber/Insured ID"), Map.entry("73", "Invalid/Missing Subscriber/Insured Name"),
            Map.entry("74", "Invalid/Missing Subscriber/Insured Gender Code"), Map.entry("75", "Subscriber/Insured Not Found"),
            Map.entry("76", "Duplicate Subscriber/Insured ID Number"), Map.entry("78", "Subscriber/Insured Not in Group/Plan Identified"),
            Map.entry("79", "Invalid Participant Identification"), Map.entry("80", "No Response received - Transaction Terminated"),
            Map.entry("97", "Invalid or Missing Provider Address"), Map.entry("T4", "Payer Name or Identifier Missing"));

    /** The guide's name of the reject reason. */
    public String describe() {
        return AAA03.getOrDefault(rejectReason, "reject reason " + rejectReason);
    }

    /** 72 or 75 (and 67, 73, 78 for the person): the payer does not know this member as sent. */
    public boolean memberNotFound() {
        return java.util.Set.of("67", "72", "73", "75", "78").contains(rejectReason);
    }
}
