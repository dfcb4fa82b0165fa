package org.medrelay.processors.referral;

import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.tables.PracticeTables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The practice's referral intake rules, a tab-separated table (see {@code referral/intake-rules.tsv} for the kinds):
 * the built-in one, or the file {@code medrelay.referrals.intake-rules-file} names. A malformed row stops loading with
 * its line number, so a typo never silently drops a rule.
 */
public final class IntakeRules {

    public static final String BUILT_IN = "referral/intake-rules.tsv";
    /** The documents a rule may require, as {@link ReferralDocuments} finds them. */
    static final Set<String> DOCUMENTS = Set.of(ReferralDocuments.REASON, ReferralDocuments.NOTES, ReferralDocuments.IMAGING);

    /** A required document and the specialties it applies to (empty: all). */
    record RequiredDocument(String document, Set<String> specialties) {
        boolean appliesTo(String specialty) {
            return specialties.isEmpty() || specialties.contains(specialty);
        }
    }

    /** An urgency word (lower case) and the priority it raises a referral to. */
    record UrgencyWord(String word, WorkItemPriority priority) {
    }

    private final Map<String, String> specialties;
    private final Map<String, String> payers;
    private final List<RequiredDocument> documents;
    private final List<UrgencyWord> urgencyWords;

    IntakeRules(Map<String, String> specialties, Map<String, String> payers, List<RequiredDocument> documents,
                List<UrgencyWord> urgencyWords) {
        this.specialties = Map.copyOf(specialties);
        this.payers = Map.copyOf(payers);
        this.documents = List.copyOf(documents);
        this.urgencyWords = List.copyOf(urgencyWords);
    }

    public static IntakeRules builtIn() {
        return PracticeTables.builtIn(BUILT_IN, IntakeRules::read);
    }

    /** @param file the practice's table, or null for the built-in one */
    public static IntakeRules load(Path file) {
        return PracticeTables.load(file, BUILT_IN, "referral intake rules", IntakeRules::read);
    }

    static IntakeRules read(InputStream in, String source) throws IOException {
        Map<String, String> specialties = new LinkedHashMap<>();
        Map<String, String> payers = new LinkedHashMap<>();
        List<RequiredDocument> documents = new ArrayList<>();
        List<UrgencyWord> urgency = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String kind = cells[0].strip();
            String value = cells.length > 1 ? cells[1].strip() : "";
            String detail = cells.length > 2 ? cells[2].strip() : "";
            if (value.isEmpty()) {
                throw new IllegalArgumentException(source + " line " + number + ": a value is required after the kind");
            }
            switch (kind) {
                case "specialty" -> specialties.put(value.toUpperCase(Locale.ROOT), detail);
                case "payer" -> payers.put(value.toUpperCase(Locale.ROOT), detail);
                case "document" -> {
                    if (!DOCUMENTS.contains(value)) {
                        throw new IllegalArgumentException(source + " line " + number + ": unknown document '" + value
                                + "' (reason, notes or imaging)");
                    }
                    Set<String> applies = detail.isEmpty() || detail.equals("*") ? Set.of()
                            : Set.of(detail.toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
                    documents.add(new RequiredDocument(value, applies));
                }
                case "urgency" -> {
                    WorkItemPriority priority;
                    try {
                        priority = WorkItemPriority.valueOf(detail.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(source + " line " + number + ": urgency needs a priority"
                                + " (routine, urgent, asap, stat), was '" + detail + "'");
                    }
                    urgency.add(new UrgencyWord(value.toLowerCase(Locale.ROOT), priority));
                }
                default -> throw new IllegalArgumentException(source + " line " + number + ": unknown kind '" + kind
                        + "' (specialty, payer, document, urgency)");
            }
        }
        return new IntakeRules(specialties, payers, documents, urgency);
    }

    /** The offered specialty's code a code or name matches, case-insensitive. */
    Optional<String> specialty(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String wanted = codeOrName.strip().toUpperCase(Locale.ROOT);
        if (specialties.containsKey(wanted)) {
            return Optional.of(wanted);
        }
        return specialties.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(codeOrName.strip()))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Whether a payer id or name is an accepted plan. */
    boolean acceptsPayer(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return false;
        }
        String wanted = idOrName.strip();
        return payers.containsKey(wanted.toUpperCase(Locale.ROOT))
                || payers.values().stream().anyMatch(name -> !name.isEmpty() && name.equalsIgnoreCase(wanted));
    }

    List<RequiredDocument> documents() {
        return documents;
    }

    List<UrgencyWord> urgencyWords() {
        return urgencyWords;
    }
}
