package org.medrelay.processors.deid;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Pseudonym tokens of one session and the originals behind them. Values are compared in a normal
 * form per family (digits of a phone number, an identifier without spaces and dashes, a name in lower
 * case), so "217-555-0106" and "(217) 555 0106" get the same token. Token numbers are drawn at
 * random, so two sessions give the same value different pseudonyms and a token says nothing about the
 * order values were met in. Held in memory only.
 */
final class PseudonymTable {

    private final Map<String, String> tokenByKey = new HashMap<>();
    private final Map<String, String> originalByToken = new HashMap<>();
    private final Set<String> issued = new HashSet<>();
    private final Random random;

    PseudonymTable(Random random) {
        this.random = random;
    }

    /** The token already given to this value in its family, or a new one of {@code kind}. */
    String tokenFor(IdentifierKind kind, String original) {
        String key = kind.family() + ":" + normalForm(kind, original);
        String token = tokenByKey.get(key);
        if (token == null) {
            token = newToken(kind);
            tokenByKey.put(key, token);
            originalByToken.put(token, original);
        }
        return token;
    }

    /** Five random digits, more once a kind has used a tenth of them, never one already issued. */
    private String newToken(IdentifierKind kind) {
        int bound = 90_000;
        while (issued.size() * 10 > bound) {
            bound *= 10;
        }
        String token;
        do {
            token = "[" + kind.tokenPrefix() + "-" + (10_000 + random.nextInt(bound)) + "]";
        } while (!issued.add(token));
        return token;
    }

    /** The original behind a token, or null for a token this session did not give. */
    String originalOf(String token) {
        return originalByToken.get(token);
    }

    int size() {
        return originalByToken.size();
    }

    static String normalForm(IdentifierKind kind, String value) {
        String v = value.strip();
        return switch (kind.family()) {
            case NAME, PLACE -> v.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            case TELECOM -> telephoneDigits(v);
            case NETWORK -> v.toLowerCase(Locale.ROOT);
            default -> v.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
        };
    }

    /** The digits of a number without the +1 country code, so local and international forms meet. */
    private static String telephoneDigits(String value) {
        String digits = value.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return value.toLowerCase(Locale.ROOT);
        }
        return digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
    }
}
