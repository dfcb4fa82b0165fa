package org.medrelay.processors.deid;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Geographic subdivisions smaller than a state in free text (Safe Harbor B): street addresses with a
 * house number and a street suffix, PO boxes, "City, ST 62701", ZIP codes after a state or the word
 * ZIP, and "... County". The state stays; a ZIP code keeps its first three digits ({@link ZipCodeRule}).
 * A city named without a state and ZIP code is found only when the session already knows it.
 */
final class AddressDetector implements PhiDetector {

    private static final String STATES = "(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN"
            + "|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR|VI|GU|AS|MP)";
    private static final String SUFFIXES = "Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
            + "|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Route|Rte|Square|Sq|Trail|Trl|Alley"
            + "|Loop|Pike|Plaza|Plz|Crescent|Row|Run|Path|Walk|Close";
    private static final String SUFFIX = "(?:" + SUFFIXES + "|" + SUFFIXES.toUpperCase(Locale.ROOT) + ")";
    private static final String DIRECTION = "(?:[NSEW]\\.?|North|South|East|West|NE|NW|SE|SW)";
    private static final String STREET_WORD = "(?:\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)|\\p{Lu}[\\p{L}'.-]*)";
    private static final String UNIT = "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Bldg|Fl|Floor|APT|SUITE|STE|UNIT|#)"
            + "\\.?[ \\t]*#?[ \\t]*[A-Za-z0-9-]+)?";
    private static final Pattern STREET = Pattern.compile("(?<![\\w-])\\d{1,6}[A-Za-z]?(?:-\\d{1,5})?[ \\t]+(?:"
            + DIRECTION + "[ \\t]+)?(?:" + STREET_WORD + "[ \\t]+){1,4}" + SUFFIX + "\\.?(?![\\p{L}])(?:[ \\t]+"
            + DIRECTION + "(?![\\p{L}]))?" + UNIT);
    private static final Pattern PO_BOX = Pattern.compile("(?i)(?<![\\p{L}])(?:P\\.?[ \\t]?O\\.?|post[ \\t]+office)[ \\t]*box[ \\t]+\\d+");
    private static final String ZIP = "(\\d{5}(?:-\\d{4})?)(?![\\d-])";
    private static final Pattern CITY_STATE_ZIP = Pattern.compile(
            "((?:\\p{Lu}[\\p{L}'.-]*[ \\t]+){0,2}\\p{Lu}[\\p{L}'.-]*),[ \\t]*" + STATES + "\\.?[ \\t]+" + ZIP);
    private static final Pattern STATE_ZIP = Pattern.compile("(?<![\\p{L}])" + STATES + "\\.?[ \\t]+" + ZIP);
    private static final Pattern LABELED_ZIP = Pattern.compile("(?i)(?<![\\p{L}])zip(?:[ \\t]*code)?[ \\t]*[:#]?[ \\t]*" + ZIP);
    private static final Pattern COUNTY = Pattern.compile(
            "((?:\\p{Lu}[\\p{L}'.-]*[ \\t]+){0,2}\\p{Lu}[\\p{L}'.-]*)[ \\t]+(?:County|Parish|Borough|COUNTY|PARISH)(?![\\p{L}])");

    private final ZipCodeRule zipCodes;

    AddressDetector(ZipCodeRule zipCodes) {
        this.zipCodes = zipCodes;
    }

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        PhiFinding.allMatches(STREET.matcher(text), IdentifierKind.STREET, into);
        PhiFinding.allMatches(PO_BOX.matcher(text), IdentifierKind.STREET, into);
        Matcher cityStateZip = CITY_STATE_ZIP.matcher(text);
        while (cityStateZip.find()) {
            into.add(PhiFinding.pseudonym(cityStateZip.start(1), cityStateZip.end(1), IdentifierKind.CITY));
            zip(cityStateZip, 2, into);
        }
        Matcher stateZip = STATE_ZIP.matcher(text);
        while (stateZip.find()) {
            zip(stateZip, 1, into);
        }
        Matcher labeled = LABELED_ZIP.matcher(text);
        while (labeled.find()) {
            zip(labeled, 1, into);
        }
        Matcher county = COUNTY.matcher(text);
        while (county.find()) {
            into.add(PhiFinding.pseudonym(county.start(1), county.end(1), IdentifierKind.COUNTY));
        }
    }

    private void zip(Matcher m, int group, List<PhiFinding> into) {
        into.add(new PhiFinding(m.start(group), m.end(group), IdentifierKind.ZIP, zipCodes.firstThreeDigits(m.group(group))));
    }
}
