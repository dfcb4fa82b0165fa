package org.medrelay.processors.fax;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the key fields on a fax's text by the labels faxes use for them ("Patient:", "DOB", "MRN", "Member ID",
 * "Ordering Physician", "Reference #", "Medication:", ...) and by the few sentence shapes letters use ("my patient
 * NAME (DOB ...)", "Dear Dr. NAME,"). Labels are matched regardless of case, values by their shape, so OCR'd and
 * extracted text read alike.
 */
public final class FaxFieldExtractor {

    private static final String NAME = "[A-Z][a-z'-]+(?:\\s+[A-Z]\\.)?\\s+[A-Z][A-Za-z'-]+|[A-Z][A-Za-z'-]+,\\s*[A-Z][a-z'-]+";
    private static final String PROVIDER_NAME = "(?:Dr\\.\\s+)?[A-Z][a-z'-]+(?:\\s+[A-Z]\\.)?\\s+[A-Z][A-Za-z'-]+(?:,\\s*MD)?";
    private static final String TITLED_PROVIDER = "Dr\\.\\s+[A-Z][a-z'-]+\\s+[A-Z][A-Za-z'-]+|[A-Z][a-z'-]+\\s+[A-Z][A-Za-z'-]+,\\s*MD";
    private static final String US_DATE = "(\\d{1,2})/(\\d{1,2})/(\\d{4})";

    private static final List<Pattern> PATIENT = List.of(
            Pattern.compile("(?i:\\b(?:patient(?: name)?|name|member|re))\\s*:\\s*(" + NAME + ")"),
            Pattern.compile("(?:(?i:\\b(?:patient|for))|-)\\s+(" + NAME + ")\\s*[,(]\\s*(?i:DOB|date\\s+of\\s+birth|member\\s+ID)"));
    private static final Pattern BIRTH_DATE = Pattern.compile("(?i:\\bDOB|\\bD\\.O\\.B\\.?|date\\s+of\\s+birth|birth\\s+date)\\s*:?\\s*" + US_DATE);
    private static final Pattern MRN = Pattern.compile("(?i:\\bMRN|\\bpatient ID|\\bchart #|\\bacct)\\s*:?\\s*#?\\s*([A-Z]{0,3}\\d{5,})\\b");
    private static final Pattern MEMBER_ID = Pattern.compile("(?i:\\bmember\\s+ID|\\bsubscriber\\s+ID)\\s*:?\\s*([A-Z]{2,4}\\d{6,}|\\d{6,}[A-Z0-9]*)\\b");
    private static final List<Pattern> PROVIDER = List.of(
            Pattern.compile("(?i:\\b(?:ordering|referring|requesting|prescribing)\\s+(?:provider|physician)|\\bprescriber|\\breferred by|\\battn)\\s*:\\s*(" + PROVIDER_NAME + ")"),
            Pattern.compile("\\b(?:To|Dear)\\s*:?\\s*(" + TITLED_PROVIDER + ")"),
            Pattern.compile("(?i:sincerely),?\\s*\\n\\s*(" + PROVIDER_NAME + ")\\s*\\n\\s*(?i:referring)"));
    private static final Pattern PAYER_REFERENCE = Pattern.compile(
            "(?i:\\breference\\s*(?:#|number|no\\.?)|\\bauthorization\\s*(?:#|number)|\\bauth\\s*#|\\bcase\\s*(?:#|number))\\s*:?\\s*([A-Z0-9][A-Z0-9-]{4,})\\b");
    private static final String DRUG = "[A-Z][a-z]+(?:\\s+[A-Z]{2,4})?\\s+\\d+(?:\\.\\d+)?\\s*(?:mg|mcg|g|mL|units)"
            + "(?:\\s+(?:tablet|capsule|inhaler|pen|solution|patch|cream))?";
    private static final List<Pattern> MEDICATION = List.of(
            Pattern.compile("(?i:\\b(?:medication|drug(?: name)?|rx))\\s*:\\s*(" + DRUG + ")"),
            Pattern.compile("(" + DRUG + ")"));
    private static final Pattern DECISION = Pattern.compile(
            "(?i)\\b(?:decision|status|has been|request is)\\s*:?\\s*(approved|denied|pended|pending)\\b");
    private static final Pattern ANY_DECISION = Pattern.compile("(?i)\\b(approved|denied|pended|pending)\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b" + US_DATE + "\\b");
    private static final Pattern WRITTEN_DATE = Pattern.compile("\\b(January|February|March|April|May|June|July|August|"
            + "September|October|November|December) (\\d{1,2}), (\\d{4})\\b");

    public FaxFields extract(String text, FaxType type) {
        LocalDate birthDate = firstDate(BIRTH_DATE, text);
        return new FaxFields(
                patientName(text),
                birthDate,
                first(MRN, text),
                first(MEMBER_ID, text),
                first(PROVIDER, text),
                type == FaxType.PRIOR_AUTH_RESPONSE || type == FaxType.BILLING ? first(PAYER_REFERENCE, text) : null,
                first(MEDICATION, text),
                type == FaxType.PRIOR_AUTH_RESPONSE ? decision(text) : null,
                dates(text, birthDate));
    }

    private static String patientName(String text) {
        String name = first(PATIENT, text);
        if (name == null || !name.contains(",")) {
            return name;
        }
        String[] lastFirst = name.split(",\\s*", 2);
        return lastFirst[1] + " " + capitalised(lastFirst[0]);
    }

    /** QUILLFEATHER becomes Quillfeather, SMITH-JONES Smith-Jones; a name already in mixed case is kept. */
    private static String capitalised(String name) {
        if (!name.equals(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    private static String decision(String text) {
        Matcher matcher = DECISION.matcher(text);
        Matcher any = ANY_DECISION.matcher(text);
        String word = matcher.find() ? matcher.group(1) : any.find() ? any.group(1) : null;
        if (word == null) {
            return null;
        }
        word = word.toLowerCase(Locale.ROOT);
        return word.equals("pending") ? "pended" : word;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1).replaceAll("\\s+", " ").strip() : null;
    }

    private static String first(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            String found = first(pattern, text);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static LocalDate firstDate(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            LocalDate date = date(matcher.group(3), matcher.group(1), matcher.group(2));
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    private static List<LocalDate> dates(String text, LocalDate birthDate) {
        TreeMap<Integer, LocalDate> byPosition = new TreeMap<>();
        Matcher numeric = NUMERIC_DATE.matcher(text);
        while (numeric.find()) {
            byPosition.put(numeric.start(), date(numeric.group(3), numeric.group(1), numeric.group(2)));
        }
        Matcher written = WRITTEN_DATE.matcher(text);
        while (written.find()) {
            int month = Month.valueOf(written.group(1).toUpperCase(Locale.ROOT)).getValue();
            byPosition.put(written.start(), date(written.group(3), String.valueOf(month), written.group(2)));
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date : byPosition.values()) {
            if (date != null && !date.equals(birthDate) && !dates.contains(date)) {
                dates.add(date);
            }
        }
        return dates;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
