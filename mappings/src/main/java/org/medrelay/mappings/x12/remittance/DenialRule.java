package org.medrelay.mappings.x12.remittance;

/**
 * One line of the denial rules table: group code, CARC and RARC ("*" for any) to a category and a reason.
 * Specificity orders the rules: naming the CARC counts most, then the RARC, then the group.
 */
public record DenialRule(String group, String carc, String rarc, DenialCategory category, String reason) {

    static final String ANY = "*";

    public boolean matches(Adjustment adjustment, java.util.Collection<String> remarkCodes) {
        return (ANY.equals(group) || group.equals(adjustment.group()))
                && (ANY.equals(carc) || carc.equals(adjustment.carc()))
                && (ANY.equals(rarc) || remarkCodes.contains(rarc));
    }

    int specificity() {
        return (ANY.equals(carc) ? 0 : 4) + (ANY.equals(rarc) ? 0 : 2) + (ANY.equals(group) ? 0 : 1);
    }

    public boolean namesRarc() {
        return !ANY.equals(rarc);
    }
}
