package org.medrelay.processors.deid;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names free text introduces itself: after a title ("Mrs. Testperson", "Dr. Dana Doctor") or a label
 * ("Patient: Alma Testpatient", "Guarantor: Testpatient, Rolf", "Employer: Acme Widget Works"). Each
 * person's word found is remembered in the session (an employer's name as a whole), so the same name
 * elsewhere in the request is caught by {@link KnownValueDetector}.
 */
final class LabeledNameDetector implements PhiDetector {

    private static final String WORD = "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)?";
    private static final String NAME = WORD + "(?:[ \\t]+(?:" + WORD + "|\\p{Lu}\\.))" + "{0,3}";
    private static final String LAST_FIRST = WORD + ",[ \\t]*" + WORD + "(?:[ \\t]+(?:" + WORD + "|\\p{Lu}\\.))?";
    private static final Pattern TITLED = Pattern.compile(
            "(?<![\\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|MR\\.|MRS\\.|MS\\.|DR\\.)\\.?[ \\t]+(" + NAME + ")");
    private static final Pattern LABELED = Pattern.compile(
            "(?<![\\p{L}][ \\t])(?<![\\p{L}])(?i:patient(?:'s)?[ \\t]+name|patient|name|guarantor|insured|subscriber"
                    + "|member|mother|father|parent|guardian|spouse|wife|husband|son|daughter|sister|brother"
                    + "|emergency[ \\t]+contact|contact|next[ \\t]+of[ \\t]+kin|caregiver|signed[ \\t]+by"
                    + "|informant|attending|physician|provider)[ \\t]*:[ \\t]*(" + LAST_FIRST + "|" + NAME + ")");
    /** An employer is an organization: its name is one finding, remembered whole. */
    private static final Pattern EMPLOYER = Pattern.compile("(?<![\\p{L}])(?i:employer)[ \\t]*:[ \\t]*(" + NAME + ")");
    private static final Pattern NAME_WORD = Pattern.compile(WORD + "|\\p{Lu}(?=\\.)");
    /** Capitalized words that follow a name in a sentence but are not part of it. */
    private static final Set<String> NOT_A_NAME = Set.of("The", "A", "An", "And", "Or", "But", "He", "She",
            "They", "It", "Is", "Was", "Has", "Had", "Will", "Called", "Said", "Reports", "Reported", "Seen",
            "Patient", "Today", "Yesterday", "Tomorrow", "On", "In", "At", "For", "With", "From", "To", "Of", "By",
            "No", "Not", "Please", "Call", "See", "Per", "MD", "DO", "RN", "NP", "PA", "PhD", "DDS", "Jr", "Sr",
            "DOB", "MRN", "SSN", "Age", "Phone", "Tel", "Fax", "Address", "ID", "THE", "AND", "PATIENT");

    @Override
    public void find(String text, DeidentificationSession session, List<PhiFinding> into) {
        findNames(TITLED.matcher(text), session, into);
        findNames(LABELED.matcher(text), session, into);
        Matcher employer = EMPLOYER.matcher(text);
        while (employer.find()) {
            into.add(PhiFinding.pseudonym(employer.start(1), employer.end(1), IdentifierKind.NAME));
            session.rememberOrganization(employer.group(1));
        }
    }

    private static void findNames(Matcher m, DeidentificationSession session, List<PhiFinding> into) {
        while (m.find()) {
            Matcher word = NAME_WORD.matcher(m.group(1));
            while (word.find()) {
                if (NOT_A_NAME.contains(word.group())) {
                    break;
                }
                int start = m.start(1) + word.start();
                into.add(PhiFinding.pseudonym(start, start + word.group().length(), IdentifierKind.NAME));
                session.rememberName(word.group());
            }
        }
    }
}
