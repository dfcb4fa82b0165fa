package org.medrelay.processors.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers introduced by a label ("MRN: 100006", "Member ID XK55106", "VIN ...", "serial no.
 * ...", "fingerprint template ..."), with the labels of deid/identifier-labels.tsv.
 */
final class LabeledIdentifierDetector implements PhiDetector {

    private static final String FILLER = "[ \\t]*(?:(?:number|num|no\\.?|#|id)[ \\t]*)?(?:is[ \\t]+|[:#=][ \\t]*|-[ \\t]*)?";
    private static final String VALUE = "(\\d{3}[ -]\\d{2}[ -]\\d{4}(?!\\d)|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)";
    private static final int MIN_LENGTH = 3;

    private record Label(IdentifierKind kind, Pattern pattern) {
    }

    private final List<Label> labels = new ArrayList<>();

    LabeledIdentifierDetector() {
        for (String[] row : RuleFile.rows("identifier-labels.tsv")) {
            labels.add(new Label(IdentifierKind.valueOf(row[0]), Pattern.compile(
                    "(?i)(?<![\\p{L}\\p{N}])(?:" + row[1] + ")(?![\\p{L}])" + FILLER + VALUE)));
        }
    }

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        for (Label label : labels) {
            Matcher m = label.pattern().matcher(text);
            int from = 0;
            while (from < text.length() && m.find(from)) {
                String value = m.group(1);
                boolean identifier = value.length() >= MIN_LENGTH && value.chars().anyMatch(Character::isDigit);
                if (identifier) {
                    into.add(PhiFinding.pseudonym(m.start(1), m.end(1), label.kind()));
                }
                from = identifier ? m.end() : m.start() + 1;
            }
        }
    }
}
