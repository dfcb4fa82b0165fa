package org.medrelay.processors.deid;

import java.util.Locale;

/**
 * Applies one structured {@link Hl7FieldTreatment} to a field, component by component as the HL7v2
 * data type (XPN, XCN, XON, XAD, XTN, CX, EI, DLN, TS) lays it out.
 */
final class Hl7FieldScrubber {

    private final IdentifierTypes identifierTypes;
    private final ZipCodeRule zipCodes;
    private final FreeTextDeidentifier freeText;

    Hl7FieldScrubber(IdentifierTypes identifierTypes, ZipCodeRule zipCodes, FreeTextDeidentifier freeText) {
        this.identifierTypes = identifierTypes;
        this.zipCodes = zipCodes;
        this.freeText = freeText;
    }

    void apply(Hl7FieldRules.Rule rule, Hl7Field field, DeidentificationSession s) {
        boolean practitioners = s.policy().redactPractitionerNames();
        for (int rep = 0; rep < field.repetitionCount(); rep++) {
            switch (rule.treatment()) {
                case NAME -> personName(field, rep, 1, s);
                case PRACTITIONER_NAME -> {
                    if (practitioners) {
                        personName(field, rep, 1, s);
                    }
                }
                case PRACTITIONER -> {
                    if (practitioners) {
                        personWithId(field, rep, s);
                    }
                }
                case PERSON -> personWithId(field, rep, s);
                case ORGANIZATION -> organization(field, rep, s);
                case ADDRESS -> address(field, rep, s);
                case TELECOM -> telecom(field, rep, s);
                case IDENTIFIER -> identifier(field, rep, rule.kind(), s);
                case ENTITY_ID -> field.set(rep, 1, s.pseudonym(rule.kind(), field.text(rep, 1)));
                case ENTITY_ID_PAIR -> {
                    field.set(rep, 1, 1, s.pseudonym(rule.kind(), field.text(rep, 1, 1)));
                    field.set(rep, 2, 1, s.pseudonym(rule.kind(), field.text(rep, 2, 1)));
                }
                case LICENSE -> {
                    field.set(rep, 1, s.pseudonym(IdentifierKind.LICENSE, field.text(rep, 1)));
                    date(field, rep, 3, false, s);
                }
                case DATE -> date(field, rep, 1, false, s);
                case BIRTH_DATE -> date(field, rep, 1, true, s);
                default -> throw new IllegalArgumentException("not a structured treatment: " + rule.treatment());
            }
        }
    }

    /** XPN from {@code first}: family name (every sub-component), given name, second and further names. */
    void personName(Hl7Field field, int rep, int first, DeidentificationSession s) {
        field.rewriteComponent(rep, first, s::pseudonymName);
        field.rewriteComponent(rep, first + 1, s::pseudonymName);
        field.rewriteComponent(rep, first + 2, s::pseudonymName);
    }

    /** XCN: ID number, then the name laid out as in XPN from component 2. */
    private void personWithId(Hl7Field field, int rep, DeidentificationSession s) {
        field.set(rep, 1, s.pseudonym(IdentifierKind.OTHER_ID, field.text(rep, 1)));
        personName(field, rep, 2, s);
    }

    /** XON: organization name, ID number (v2.3), organization identifier (v2.5). */
    private void organization(Hl7Field field, int rep, DeidentificationSession s) {
        field.rewriteComponent(rep, 1, s::pseudonymOrganization);
        field.set(rep, 3, s.pseudonym(IdentifierKind.OTHER_ID, field.text(rep, 3)));
        field.set(rep, 10, s.pseudonym(IdentifierKind.OTHER_ID, field.text(rep, 10)));
    }

    /** XAD: 1 street (each part), 2 other designation, 3 city, 5 ZIP, 8 other geographic, 9 county, 10 census tract. */
    void address(Hl7Field field, int rep, DeidentificationSession s) {
        field.rewriteComponent(rep, 1, street -> s.pseudonym(IdentifierKind.STREET, street));
        field.rewriteComponent(rep, 2, street -> s.pseudonym(IdentifierKind.STREET, street));
        field.rewriteComponent(rep, 3, city -> s.pseudonym(IdentifierKind.CITY, city));
        field.set(rep, 5, zipCodes.apply(field.text(rep, 5), s));
        for (int component : new int[] {8, 9, 10}) {
            field.rewriteComponent(rep, component, subdivision -> {
                s.countRemoved(IdentifierKind.COUNTY);
                return "";
            });
        }
    }

    /**
     * XTN: 1 number as text, 4 e-mail, 6 area code and 7 local number (one pseudonym for both, in 7),
     * 8 extension, 9 any text, 12 unformatted number. Equipment type FX (3) makes it a fax number,
     * use code NET (2) an e-mail address.
     */
    void telecom(Hl7Field field, int rep, DeidentificationSession s) {
        IdentifierKind kind = "FX".equalsIgnoreCase(field.text(rep, 3)) ? IdentifierKind.FAX : IdentifierKind.PHONE;
        boolean internet = "NET".equalsIgnoreCase(field.text(rep, 2))
                || field.text(rep, 3).toUpperCase(Locale.ROOT).startsWith("INTERNET");
        String first = field.text(rep, 1);
        field.set(rep, 1, s.pseudonym(internet || first.contains("@") ? IdentifierKind.EMAIL : kind, first));
        field.set(rep, 4, s.pseudonym(IdentifierKind.EMAIL, field.text(rep, 4)));
        String local = field.text(rep, 7);
        if (!local.isBlank()) {
            field.set(rep, 7, s.pseudonym(kind, field.text(rep, 6) + local));
        }
        field.set(rep, 6, "");
        field.set(rep, 8, "");
        field.rewriteComponent(rep, 9, text -> freeText.deidentify(text, s));
        field.set(rep, 12, s.pseudonym(kind, field.text(rep, 12)));
    }

    /** CX: the ID number as the kind its identifier type code (CX-5) says, else {@code fallback}. */
    private void identifier(Hl7Field field, int rep, IdentifierKind fallback, DeidentificationSession s) {
        IdentifierKind byType = identifierTypes.byTypeCode(field.text(rep, 5));
        field.set(rep, 1, s.pseudonym(byType != null ? byType : fallback, field.text(rep, 1)));
        date(field, rep, 7, false, s);
        date(field, rep, 8, false, s);
    }

    /** TS/DT/DTM in one component: its year; a birth date that shows an age over 89 is emptied. */
    void date(Hl7Field field, int rep, int component, boolean birth, DeidentificationSession s) {
        String value = field.text(rep, component).strip();
        if (value.length() <= 4 || value.equals("\"\"")) {
            return;
        }
        if (!value.substring(0, 4).chars().allMatch(Character::isDigit)) {
            field.set(rep, component, freeText.deidentify(value, s));
            return;
        }
        int year = Integer.parseInt(value.substring(0, 4));
        if (birth && YearOnly.showsAgeOver89(year, s.referenceYear())) {
            s.countRemoved(IdentifierKind.AGE);
            field.set(rep, component, "");
        } else {
            s.countRemoved(IdentifierKind.DATE);
            field.set(rep, component, value.substring(0, 4));
        }
    }
}
