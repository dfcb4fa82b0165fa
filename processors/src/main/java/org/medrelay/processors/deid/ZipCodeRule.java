package org.medrelay.processors.deid;

import java.util.HashSet;
import java.util.Set;

/**
 * Safe Harbor's ZIP code rule, 164.514(b)(2)(i)(B): keep the first three digits, unless the area
 * they cover has 20,000 people or fewer (deid/restricted-zip3.txt), then write 000.
 */
final class ZipCodeRule {

    private final Set<String> restricted = new HashSet<>();

    ZipCodeRule() {
        for (String[] row : RuleFile.rows("restricted-zip3.txt")) {
            restricted.add(row[0]);
        }
    }

    /** "62701-1234" → "627"; "03601" → "000"; a code that is not a US ZIP code → "" (removed). */
    String firstThreeDigits(String zip) {
        String digits = zip == null ? "" : zip.strip();
        if (digits.length() < 5 || !Character.isDigit(digits.charAt(0)) || !digits.substring(0, 5).chars().allMatch(Character::isDigit)) {
            return "";
        }
        String prefix = digits.substring(0, 3);
        return restricted.contains(prefix) ? "000" : prefix;
    }

    /** Cuts a ZIP code and counts it; blank stays blank. */
    String apply(String zip, DeidentificationSession session) {
        if (zip == null || zip.isBlank() || zip.strip().equals("\"\"")) {
            return zip;
        }
        session.countRemoved(IdentifierKind.ZIP);
        return firstThreeDigits(zip);
    }
}
