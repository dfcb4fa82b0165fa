package org.medrelay.processors.deid;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers recognisable by their shape alone: social security numbers written 123-45-6789, vehicle
 * identification numbers whose check digit holds (ISO 3779, 49 CFR 565), GS1 unique device
 * identifiers "(01)..." and hardware MAC addresses.
 */
final class IdentifierShapeDetector implements PhiDetector {

    private static final Pattern SSN = Pattern.compile("(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])");
    private static final Pattern VIN = Pattern.compile("(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])");
    private static final Pattern UDI = Pattern.compile("\\(01\\)\\d{14}(?:\\(\\d{2,4}\\)[A-Za-z0-9/.-]+)*");
    private static final Pattern MAC = Pattern.compile("(?<![\\w:-])(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}(?![\\w:-])");
    private static final String VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final int[] VIN_LETTER_VALUES = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        PhiFinding.allMatches(SSN.matcher(text), IdentifierKind.SSN, into);
        Matcher vin = VIN.matcher(text);
        while (vin.find()) {
            if (isVin(vin.group())) {
                into.add(PhiFinding.pseudonym(vin.start(), vin.end(), IdentifierKind.VEHICLE));
            }
        }
        PhiFinding.allMatches(UDI.matcher(text), IdentifierKind.DEVICE, into);
        PhiFinding.allMatches(MAC.matcher(text), IdentifierKind.DEVICE, into);
    }

    /** The ninth character is the check digit: weighted sum of the transliterated characters mod 11, 10 written X. */
    static boolean isVin(String candidate) {
        if (candidate.chars().noneMatch(Character::isLetter) || candidate.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(candidate.charAt(i)) * VIN_WEIGHTS[i];
        }
        int check = sum % 11;
        return candidate.charAt(8) == (check == 10 ? 'X' : (char) ('0' + check));
    }

    private static int transliterate(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        return VIN_LETTER_VALUES[VIN_LETTERS.indexOf(c)];
    }
}
