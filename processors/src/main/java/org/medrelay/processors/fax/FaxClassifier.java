package org.medrelay.processors.fax;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Classifies a fax's text: the trained categorizer (OpenNLP, model built from test-data's corpus by the build) and
 * the high-precision {@link FaxRules}. A rule that fires and agrees with the categorizer lifts the confidence to at
 * least {@link #RULE_CONFIDENCE}; one that disagrees wins the type but with the mean of the two confidences, so a
 * person checks it. Below the triage threshold the fax goes to the triage queue.
 */
public final class FaxClassifier {

    static final String SHIPPED_MODEL = "/org/medrelay/processors/fax/fax-doccat.bin";
    /** How often the shipped rules are right on their own (every held-out fax they fired on, see the README). */
    static final double RULE_CONFIDENCE = 0.97;
    private static final int MODEL_REASONS = 5;

    private final DoccatModel model;
    private final FaxRules rules;
    private final FaxFieldExtractor fields = new FaxFieldExtractor();
    private final double triageBelow;

    public FaxClassifier(DoccatModel model, FaxRules rules, double triageBelow) {
        this.model = model;
        this.rules = rules;
        this.triageBelow = triageBelow;
    }

    /** The shipped model and rules, with the configured triage threshold. */
    public static FaxClassifier shipped(FaxSettings settings) {
        try (InputStream in = FaxClassifier.class.getResourceAsStream(SHIPPED_MODEL)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_MODEL + " is missing: the processors build trains it (FaxModelTrainer)");
            }
            return new FaxClassifier(new DoccatModel(in), FaxRules.shipped(), settings.triageBelow());
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the fax model " + SHIPPED_MODEL, e);
        }
    }

    public FaxClassification classify(FaxReading reading) {
        if (!reading.readable()) {
            return FaxClassification.unreadable(reading.unreadable().orElseThrow());
        }
        return classify(reading.text());
    }

    public FaxClassification classify(String text) {
        // A new categorizer per call: DocumentCategorizerME keeps per-call state and is not thread-safe; the model is.
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        String[] tokens = FaxTokens.of(text);
        double[] probabilities = categorizer.categorize(tokens);
        FaxType modelType = FaxType.fromWord(categorizer.getBestCategory(probabilities));
        double modelConfidence = probabilities[categorizer.getIndex(modelType.word())];
        Optional<FaxRules.Match> rule = rules.match(text);
        FaxType type = rule.map(FaxRules.Match::type).orElse(modelType);
        double confidence;
        if (rule.isEmpty()) {
            confidence = modelConfidence;
        } else if (type == modelType) {
            confidence = Math.max(RULE_CONFIDENCE, modelConfidence);
        } else {
            confidence = (RULE_CONFIDENCE + probabilities[categorizer.getIndex(type.word())]) / 2;
        }
        List<String> reasons = new ArrayList<>(rule.map(FaxRules.Match::matched).orElse(List.of()));
        for (String word : drivingWords(categorizer, tokens, type)) {
            // a word the rule already matched ("authorization" after "prior authorization") says nothing new
            if (reasons.stream().noneMatch(reason -> reason.toLowerCase(Locale.ROOT).contains(word))) {
                reasons.add(word);
            }
        }
        return new FaxClassification(type, round(confidence), confidence < triageBelow,
                fields.extract(text, type), reasons);
    }

    /**
     * The fax's words that point most to {@code type} on their own: each distinct word is scored by the probability
     * the model gives the type for that word alone; the highest few above chance (1 in 9) are the reasons.
     */
    private static List<String> drivingWords(DocumentCategorizerME categorizer, String[] tokens, FaxType type) {
        int index = categorizer.getIndex(type.word());
        double chance = 1.0 / categorizer.getNumberOfCategories();
        TreeMap<String, Double> scores = new TreeMap<>();
        for (String token : new LinkedHashSet<>(Arrays.asList(tokens))) {
            if (token.length() < 3) {
                continue; // "is", "of": never a reason a person would accept
            }
            double score = categorizer.categorize(new String[] {token})[index];
            if (score > chance) {
                scores.put(token, score);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(MODEL_REASONS).map(Map.Entry::getKey).toList();
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
