package org.medrelay.processors.deid;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US telephone and fax numbers (Safe Harbor D and E): formatted ten-digit numbers with or without +1
 * and extension, and shorter or unformatted numbers after a label ("tel 5550106"). A number is a fax
 * number when the nearest label before it says so.
 */
final class PhoneNumberDetector implements PhiDetector {

    private static final Pattern FORMATTED = Pattern.compile(
            "(?<![\\w+])(?:\\+?1[ \\t.-]?)?(?:\\(\\d{3}\\)[ \\t.-]?|\\d{3}[ \\t.-])\\d{3}[ \\t.-]\\d{4}"
                    + "(?:[ \\t]*(?:x|ext\\.?|extension)[ \\t]*\\d{1,6})?(?![\\w])");
    private static final Pattern LABELED = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:phone|ph|tel|telephone|cell|mobile|fax|facsimile|pager|called[ \\t]+at|call[ \\t]+at)"
                    + "(?![\\p{L}])\\.?[ \\t]*(?:#|no\\.?|number)?[ \\t]*[:=]?[ \\t]*(\\+?\\d[\\d(). \\t-]{5,16}\\d)(?![\\w])");
    private static final Pattern LABEL_WORD = Pattern.compile(
            "(?i)(?<![\\p{L}])(fax|facsimile|f:|phone|ph|tel|telephone|cell|mobile|pager|home|work)(?![\\p{L}])");
    private static final int LABEL_REACH = 24;

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        Matcher formatted = FORMATTED.matcher(text);
        while (formatted.find()) {
            into.add(PhiFinding.pseudonym(formatted.start(), formatted.end(), kindAt(text, formatted.start())));
        }
        Matcher labeled = LABELED.matcher(text);
        while (labeled.find()) {
            int digits = labeled.group(1).replaceAll("\\D", "").length();
            if (digits >= 7 && digits <= 11) {
                into.add(PhiFinding.pseudonym(labeled.start(1), labeled.end(1), kindAt(text, labeled.start(1))));
            }
        }
    }

    private static IdentifierKind kindAt(String text, int start) {
        Matcher label = LABEL_WORD.matcher(text.substring(Math.max(0, start - LABEL_REACH), start));
        String nearest = null;
        while (label.find()) {
            nearest = label.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        return nearest != null && (nearest.startsWith("fax") || nearest.startsWith("facs") || nearest.equals("f:"))
                ? IdentifierKind.FAX : IdentifierKind.PHONE;
    }
}
