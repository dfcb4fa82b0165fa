package org.medrelay.processors.fax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words the categorizer sees: lower-case runs of letters of two or more. Numbers, dates and punctuation carry
 * identities, not the kind of fax, and OCR garbles them most. The same for training and for classifying.
 */
final class FaxTokens {

    private FaxTokens() {
    }

    static String[] of(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            } else {
                if (word.length() >= 2) {
                    tokens.add(word.toString().toLowerCase(Locale.ROOT));
                }
                word.setLength(0);
            }
        }
        return tokens.toArray(String[]::new);
    }
}
