package org.medrelay.processors.deid;

import java.util.Set;

/**
 * The per-segment rules of {@link X12Deidentifier} for one interchange, in two passes: structured
 * segments first (names and ids become known), then free text and the elements that repeat a known
 * value anywhere. Remembers which party the current loop is about: an N3 after NM1*IL is the subscriber's
 * street, after NM1*85 the billing provider's, which stays.
 */
final class X12SegmentScrubber {

    private static final Set<String> FREE_TEXT = Set.of("NTE", "MSG", "K3");

    private final X12Rules rules;
    private final ZipCodeRule zipCodes;
    private final FreeTextDeidentifier freeText;
    private final DeidentificationSession s;
    private X12Rules.Party party = X12Rules.Party.CLAIM;

    X12SegmentScrubber(X12Rules rules, ZipCodeRule zipCodes, FreeTextDeidentifier freeText, DeidentificationSession s) {
        this.rules = rules;
        this.zipCodes = zipCodes;
        this.freeText = freeText;
        this.s = s;
    }

    void structured(X12Segment segment) {
        switch (segment.id()) {
            case "HL", "CLM", "CLP", "LX", "SBR", "SVC", "SV1", "SV2", "SV3", "SV5" -> party = X12Rules.Party.CLAIM;
            // 834 loop 2000: INS opens the member's loop; its REF (0F, 1L, ...) are the member's.
            case "INS" -> party = X12Rules.Party.PERSON;
            default -> { }
        }
        switch (segment.id()) {
            case "NM1" -> name(segment, rules.party(segment.element(1), segment.element(2)), 3, 8);
            case "N1" -> name(segment, rules.party(segment.element(1), ""), 2, 3);
            case "N2" -> whenPerson(() -> names(segment, 1, 2));
            case "N3" -> whenPerson(() -> {
                segment.set(1, s.pseudonym(IdentifierKind.STREET, segment.element(1)));
                segment.set(2, s.pseudonym(IdentifierKind.STREET, segment.element(2)));
            });
            case "N4" -> whenPerson(() -> cityStateZip(segment));
            case "PER" -> whenPerson(() -> contact(segment));
            case "DMG" -> segment.set(2, X12Dates.birthDate(segment.element(2), s));
            case "DTP" -> segment.set(3, X12Dates.yearOnly(segment.element(3), s));
            case "DTM" -> {
                segment.set(2, X12Dates.yearOnly(segment.element(2), s));
                segment.set(6, X12Dates.yearOnly(segment.element(6), s));
            }
            case "BHT" -> segment.set(4, X12Dates.yearOnly(segment.element(4), s));
            case "BGN" -> segment.set(3, X12Dates.yearOnly(segment.element(3), s));
            case "PAT" -> segment.set(6, X12Dates.yearOnly(segment.element(6), s));
            case "INS" -> segment.set(12, X12Dates.yearOnly(segment.element(12), s));
            case "REF" -> reference(segment);
            case "CLM" -> segment.set(1, s.pseudonym(IdentifierKind.ACCOUNT, segment.element(1)));
            case "CLP" -> {
                segment.set(1, s.pseudonym(IdentifierKind.ACCOUNT, segment.element(1)));
                segment.set(7, s.pseudonym(IdentifierKind.OTHER_ID, segment.element(7)));
            }
            case "SBR" -> {
                segment.set(3, s.pseudonym(IdentifierKind.OTHER_ID, segment.element(3)));
                segment.set(4, s.pseudonymOrganization(segment.element(4)));
            }
            default -> { }
        }
    }

    /** Free text through the free-text pass; elsewhere, the names and ids the request already gave. */
    void text(X12Segment segment) {
        boolean freeTextSegment = FREE_TEXT.contains(segment.id());
        for (int n = 1; n <= segment.size(); n++) {
            String value = segment.element(n);
            if (value.isBlank() || value.startsWith("[")) {
                continue;
            }
            segment.set(n, freeTextSegment ? freeText.deidentify(value, s) : freeText.replaceKnown(value, s));
        }
    }

    /** NM1/N1: the party of the loop; its names (from {@code nameAt}) and id (qualifier at {@code idAt}). */
    private void name(X12Segment segment, X12Rules.Party named, int nameAt, int idAt) {
        party = named;
        if (!redacted()) {
            return;
        }
        if (segment.id().equals("NM1") && "1".equals(segment.element(2).strip())) {
            names(segment, 3, 5);
        } else {
            // NM102 = 2 or N1: an employer, sponsor or group, named as a whole.
            segment.set(nameAt, s.pseudonymOrganization(segment.element(nameAt)));
        }
        IdentifierKind kind = party == X12Rules.Party.PRACTITIONER ? IdentifierKind.OTHER_ID : rules.id(segment.element(idAt));
        segment.set(idAt + 1, s.pseudonym(kind, segment.element(idAt + 1)));
    }

    private void names(X12Segment segment, int from, int to) {
        for (int n = from; n <= to; n++) {
            segment.set(n, s.pseudonymName(segment.element(n)));
        }
    }

    /** N4: city replaced, ZIP cut to three digits, location qualifier and code (N405, N406) removed. */
    private void cityStateZip(X12Segment segment) {
        segment.set(1, s.pseudonym(IdentifierKind.CITY, segment.element(1)));
        segment.set(3, zipCodes.apply(segment.element(3), s));
        if (!segment.element(6).isBlank()) {
            s.countRemoved(IdentifierKind.COUNTY);
            segment.set(6, "");
        }
    }

    /** PER: contact name, then up to three qualifier/number pairs (TE phone, FX fax, EM e-mail, UR URL, EX extension). */
    private void contact(X12Segment segment) {
        segment.set(2, s.pseudonymName(segment.element(2)));
        for (int qualifier = 3; qualifier <= 7; qualifier += 2) {
            String number = segment.element(qualifier + 1);
            switch (segment.element(qualifier).strip()) {
                case "FX" -> segment.set(qualifier + 1, s.pseudonym(IdentifierKind.FAX, number));
                case "EM" -> segment.set(qualifier + 1, s.pseudonym(IdentifierKind.EMAIL, number));
                case "UR" -> segment.set(qualifier + 1, s.pseudonym(IdentifierKind.URL, number));
                case "EX" -> segment.set(qualifier + 1, "");
                default -> segment.set(qualifier + 1, s.pseudonym(IdentifierKind.PHONE, number));
            }
        }
    }

    /** REF: ids of the individual and of the claim are replaced; an organization's or kept practitioner's stay. */
    private void reference(X12Segment segment) {
        if (party == X12Rules.Party.ORGANIZATION || party == X12Rules.Party.PRACTITIONER && !redacted()) {
            return;
        }
        segment.set(2, s.pseudonym(rules.reference(segment.element(1)), segment.element(2)));
        segment.set(3, freeText.deidentify(segment.element(3), s));
    }

    private void whenPerson(Runnable rule) {
        if (party == X12Rules.Party.PERSON) {
            rule.run();
        }
    }

    /** True when the current loop's names and ids are replaced. */
    private boolean redacted() {
        return party == X12Rules.Party.PERSON
                || party == X12Rules.Party.PRACTITIONER && s.policy().redactPractitionerNames();
    }
}
