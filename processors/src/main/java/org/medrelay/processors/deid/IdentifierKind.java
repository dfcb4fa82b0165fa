package org.medrelay.processors.deid;

/**
 * What a removed value was, after the list of identifiers in HIPAA Safe Harbor, 45 CFR
 * 164.514(b)(2)(i)(A) to (R). Geographic subdivisions (B) and dates (C) are split into the parts that
 * are treated differently. A kind names a category, never a value: reports and logs may carry it.
 */
public enum IdentifierKind {
    NAME("A", "NAME"),
    STREET("B", "STREET"),
    CITY("B", "CITY"),
    /** County, parish, census tract and other subdivisions: removed without a pseudonym. */
    COUNTY("B", "COUNTY"),
    /** Cut to the first three digits, or 000 where those three digits cover 20,000 people or fewer. */
    ZIP("B", "ZIP"),
    /** Every element of a date but the year. */
    DATE("C", "DATE"),
    /** Ages over 89, and dates that would show one, aggregated to 90 or older. */
    AGE("C", "AGE"),
    PHONE("D", "PHONE"),
    FAX("E", "FAX"),
    EMAIL("F", "EMAIL"),
    SSN("G", "SSN"),
    MRN("H", "MRN"),
    MEMBER_ID("I", "MEMBER"),
    ACCOUNT("J", "ACCOUNT"),
    LICENSE("K", "LICENSE"),
    VEHICLE("L", "VEHICLE"),
    DEVICE("M", "DEVICE"),
    URL("N", "URL"),
    IP_ADDRESS("O", "IP"),
    BIOMETRIC("P", "BIOMETRIC"),
    PHOTO("Q", "PHOTO"),
    OTHER_ID("R", "ID"),
    /** Not one of the eighteen: embedded content (a PDF, a scan) that text rules cannot read, dropped whole. */
    BINARY_CONTENT("-", "CONTENT");

    private final String safeHarborItem;
    private final String tokenPrefix;

    IdentifierKind(String safeHarborItem, String tokenPrefix) {
        this.safeHarborItem = safeHarborItem;
        this.tokenPrefix = tokenPrefix;
    }

    /** The letter of 164.514(b)(2)(i) this kind falls under; "-" for {@link #BINARY_CONTENT}. */
    public String safeHarborItem() {
        return safeHarborItem;
    }

    /** The word inside a pseudonym token: {@code [MEMBER-2]}. */
    String tokenPrefix() {
        return tokenPrefix;
    }

    /** Kinds whose values are looked up together, so a number known as an MRN stays [MRN-1] wherever it shows. */
    Family family() {
        return switch (this) {
            case NAME -> Family.NAME;
            case STREET, CITY, COUNTY, ZIP -> Family.PLACE;
            case PHONE, FAX -> Family.TELECOM;
            case EMAIL, URL, IP_ADDRESS -> Family.NETWORK;
            case DATE, AGE, PHOTO, BINARY_CONTENT -> Family.NONE;
            default -> Family.IDENTIFIER;
        };
    }

    enum Family { NAME, PLACE, TELECOM, NETWORK, IDENTIFIER, NONE }
}
