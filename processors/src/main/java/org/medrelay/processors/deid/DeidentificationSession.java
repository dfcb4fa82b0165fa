package org.medrelay.processors.deid;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request's de-identification: the same value gets the same pseudonym ({@code [NAME-40213]},
 * {@code [MRN-77120]}) everywhere in the request, structured fields and free text alike, and a model's
 * answer can be put back with {@link #reidentify}. The pseudonym map lives in this object only: it is
 * not serializable, has no getter, and {@link #toString} shows counts. Open one per request and drop
 * it with the request; another session gives the same values other numbers. Not thread-safe: a
 * request is handled on one thread.
 */
public final class DeidentificationSession {

    private static final Pattern TOKEN = Pattern.compile("\\[[A-Z]+-\\d+]");

    private final DeidentificationPolicy policy;
    private final int referenceYear;
    private final PseudonymTable pseudonyms;
    private final KnownValues known = new KnownValues();
    private final EnumMap<IdentifierKind, Integer> counts = new EnumMap<>(IdentifierKind.class);
    private final Map<String, String> uuidSurrogates = new HashMap<>();

    public DeidentificationSession(DeidentificationPolicy policy) {
        this(policy, new SecureRandom());
    }

    /** With a given source of token numbers, for tests that want to read the same tokens every run. */
    DeidentificationSession(DeidentificationPolicy policy, Random tokenNumbers) {
        this.policy = policy;
        this.referenceYear = policy.referenceYear();
        this.pseudonyms = new PseudonymTable(tokenNumbers);
    }

    public DeidentificationSession() {
        this(DeidentificationPolicy.safeHarbor());
    }

    /**
     * The pseudonym for one value, counted as one replacement. Blank values and the HL7v2 null
     * {@code ""} come back unchanged.
     */
    public String pseudonym(IdentifierKind kind, String original) {
        if (original == null || original.isBlank() || original.strip().equals("\"\"")) {
            return original;
        }
        known.add(kind, original);
        count(kind);
        return pseudonyms.tokenFor(kind, original.strip());
    }

    /**
     * A name's pseudonym; its words are remembered too, so free text that uses only the family name
     * ("Mrs. Testperson") is caught as well.
     */
    public String pseudonymName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        rememberName(name);
        return pseudonym(IdentifierKind.NAME, name);
    }

    /**
     * An organization's name (an employer, a group) as one pseudonym. Unlike a person's name its
     * words are not remembered one by one: "Springfield Widget Works" must not make every capitalized
     * "Works" a name.
     */
    public String pseudonymOrganization(String name) {
        return pseudonym(IdentifierKind.NAME, name);
    }

    /** Counts a value removed without a pseudonym: a date cut to its year, a ZIP code cut, a photo. */
    public void countRemoved(IdentifierKind kind) {
        count(kind);
    }

    /** Puts the originals back for every token this session gave; other text is left as it is. */
    public String reidentify(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String original = pseudonyms.originalOf(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(original == null ? m.group() : original));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Counts per kind of what this session replaced or removed so far; no values. */
    public DeidentificationReport report() {
        return new DeidentificationReport(counts);
    }

    public DeidentificationPolicy policy() {
        return policy;
    }

    /** The year ages are measured against, fixed when the session opens. */
    int referenceYear() {
        return referenceYear;
    }

    /** Makes a name known to the free-text pass without replacing anything yet. */
    void rememberName(String name) {
        known.add(IdentifierKind.NAME, name);
        for (String word : name.strip().split("[\\s\\-]+")) {
            if (!word.equals(name.strip())) {
                known.add(IdentifierKind.NAME, word.replaceAll("[.,]+$", ""));
            }
        }
    }

    /** A random UUID standing in for {@code original} (a Bundle's urn:uuid), the same within the session. */
    String surrogateUuid(String original) {
        return uuidSurrogates.computeIfAbsent(original.toLowerCase(java.util.Locale.ROOT), key -> {
            known.add(IdentifierKind.OTHER_ID, original);
            count(IdentifierKind.OTHER_ID);
            return UUID.randomUUID().toString();
        });
    }

    void rememberOrganization(String name) {
        known.add(IdentifierKind.NAME, name);
    }

    KnownValues knownValues() {
        return known;
    }

    private void count(IdentifierKind kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    @Override
    public String toString() {
        return "DeidentificationSession[pseudonyms=" + pseudonyms.size() + ", report=" + counts + "]";
    }
}
