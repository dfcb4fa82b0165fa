package org.medrelay.mappings.x12.eligibility;

import java.util.Map;
import java.util.Set;

/** Names of the 005010X279A1 EB01 and EB06 codes MedRelay reads, as the guide's code lists give them. */
public final class BenefitCodes {

    /** EB01 1-5: active coverage of some kind. */
    static final Set<String> ACTIVE = Set.of("1", "2", "3", "4", "5");
    /** EB01 6 inactive, 7 inactive - pending eligibility update, 8 inactive - pending investigation. */
    static final Set<String> INACTIVE = Set.of("6", "7", "8");

    public static final String CO_INSURANCE = "A";
    public static final String CO_PAYMENT = "B";
    public static final String DEDUCTIBLE = "C";
    public static final String OUT_OF_POCKET = "G";
    public static final String NON_COVERED = "I";

    private static final Map<String, String> EB01 = Map.ofEntries(
            Map.entry("1", "Active Coverage"), Map.entry("2", "Active - Full Risk Capitation"),
            Map.entry("3", "Active - Services Capitated"), Map.entry("4", "Active - Services Capitated to Primary Care Physician"),
            Map.entry("5", "Active - Pending Investigation"), Map.entry("6", "Inactive"),
            Map.entry("7", "Inactive - Pending Eligibility Update"), Map.entry("8", "Inactive - Pending Investigation"),
            Map.entry("A", "Co-Insurance"), Map.entry("B", "Co-Payment"), Map.entry("C", "Deductible"),
            Map.entry("CB", "Coverage Basis"), Map.entry("D", "Benefit Description"), Map.entry("E", "Exclusions"),
            Map.entry("F", "Limitations"), Map.entry("G", "Out of Pocket (Stop Loss)"), Map.entry("H", "Unlimited"),
            Map.entry("I", "Non-Covered"), Map.entry("J", "Cost Containment"), Map.entry("K", "Reserve"),
            Map.entry("L", "Primary Care Provider"), Map.entry("M", "Pre-existing Condition"),
            Map.entry("MC", "Managed Care Coordinator"), Map.entry("N", "Services Restricted to Following Provider"),
            Map.entry("O", "Not Deemed a Medical Necessity"), Map.entry("P", "Benefit Disclaimer"),
            Map.entry("Q", "Second Surgical Opinion Required"), Map.entry("R", "Other or Additional Payor"),
            Map.entry("S", "Prior Year(s) History"), Map.entry("T", "Card(s) Reported Lost/Stolen"),
            Map.entry("U", "Contact Following Entity for Eligibility or Benefit Information"),
            Map.entry("V", "Cannot Process"), Map.entry("W", "Other Source of Data"), Map.entry("X", "Health Care Facility"),
            Map.entry("Y", "Spend Down"));

    private static final Map<String, String> EB06 = Map.ofEntries(
            Map.entry("6", "Hour"), Map.entry("7", "Day"), Map.entry("13", "24 Hours"), Map.entry("21", "Years"),
            Map.entry("22", "Service Year"), Map.entry("23", "Calendar Year"), Map.entry("24", "Year to Date"),
            Map.entry("25", "Contract"), Map.entry("26", "Episode"), Map.entry("27", "Visit"), Map.entry("28", "Outlier"),
            Map.entry("29", "Remaining"), Map.entry("30", "Exceeded"), Map.entry("31", "Not Exceeded"),
            Map.entry("32", "Lifetime"), Map.entry("33", "Lifetime Remaining"), Map.entry("34", "Month"),
            Map.entry("35", "Week"), Map.entry("36", "Admission"));

    private BenefitCodes() {
    }

    public static String describe(String eb01) {
        return EB01.getOrDefault(eb01, "EB01 " + eb01);
    }

    public static String describeTimePeriod(String eb06) {
        return EB06.getOrDefault(eb06, "EB06 " + eb06);
    }
}
