package org.medrelay.processors.review;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code medrelay.workflow.*} property names, their defaults, and the reading of them. A workflow's own key
 * ({@code medrelay.workflow.eligibility.mode}) wins; a workflow without one takes the {@code default-*} key
 * ({@code medrelay.workflow.default-mode}); without that, the default below. All are documented in the engine's
 * {@code medrelay-defaults.properties}.
 */
public final class WorkflowProperties {

    public static final String PREFIX = "medrelay.workflow.";
    public static final String MODE_SUFFIX = ".mode";
    public static final String LIVE_CONFIDENCE_SUFFIX = ".live-confidence";
    public static final String RELEASE_URI_SUFFIX = ".release-uri";
    public static final String DEFAULT_MODE = PREFIX + "default-mode";
    public static final String DEFAULT_LIVE_CONFIDENCE = PREFIX + "default-live-confidence";
    public static final String DEFAULT_RELEASE_URI = PREFIX + "default-release-uri";
    public static final String LIVE_GATE_WINDOW = PREFIX + "live-gate.window";
    public static final String LIVE_GATE_MIN_AGREEMENT = PREFIX + "live-gate.min-agreement";

    static final OperatingMode FALLBACK_MODE = OperatingMode.REVIEW;
    static final double FALLBACK_LIVE_CONFIDENCE = 0.95;
    static final String FALLBACK_RELEASE_URI = "direct:work-item-release-log";
    static final int FALLBACK_GATE_WINDOW = 50;
    static final double FALLBACK_GATE_MIN_AGREEMENT = 0.95;

    /** Workflow names are property-key segments: lower-case words joined by '-'. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Function<String, String> property;

    /** @param property the configuration, key to value; a missing key reads as null or empty */
    public WorkflowProperties(Function<String, String> property) {
        this.property = key -> {
            String value = property.apply(key);
            return value == null || value.isBlank() ? null : value.trim();
        };
    }

    public WorkflowSettings settingsFor(String workflow) {
        requireWorkflowName(workflow);
        String modeKey = PREFIX + workflow + MODE_SUFFIX;
        String mode = firstOf(modeKey, DEFAULT_MODE);
        String confidenceKey = PREFIX + workflow + LIVE_CONFIDENCE_SUFFIX;
        double liveConfidence = fraction(property.apply(confidenceKey) != null ? confidenceKey : DEFAULT_LIVE_CONFIDENCE,
                FALLBACK_LIVE_CONFIDENCE);
        String releaseUri = firstOf(PREFIX + workflow + RELEASE_URI_SUFFIX, DEFAULT_RELEASE_URI);
        return new WorkflowSettings(workflow,
                mode == null ? FALLBACK_MODE : OperatingMode.fromPropertyValue(mode, modeKey),
                liveConfidence,
                releaseUri == null ? FALLBACK_RELEASE_URI : releaseUri);
    }

    public LiveGate liveGate() {
        String window = property.apply(LIVE_GATE_WINDOW);
        int size;
        try {
            size = window == null ? FALLBACK_GATE_WINDOW : Integer.parseInt(window);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LIVE_GATE_WINDOW + " must be a whole number, was '" + window + "'");
        }
        return new LiveGate(size, fraction(LIVE_GATE_MIN_AGREEMENT, FALLBACK_GATE_MIN_AGREEMENT));
    }

    static void requireWorkflowName(String workflow) {
        if (workflow == null || workflow.length() > 60 || !NAME.matcher(workflow).matches()) {
            throw new IllegalArgumentException("A workflow name is up to 60 lower-case letters, digits and single"
                    + " hyphens, e.g. prior-auth; was " + workflow);
        }
    }

    private String firstOf(String key, String fallbackKey) {
        String value = property.apply(key);
        return value != null ? value : property.apply(fallbackKey);
    }

    private double fraction(String key, double fallback) {
        String value = property.apply(key);
        if (value == null) {
            return fallback;
        }
        try {
            double fraction = Double.parseDouble(value);
            if (fraction >= 0.0 && fraction <= 1.0) {
                return fraction;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw new IllegalArgumentException(key + " must be a number from 0 to 1, was '" + value + "'");
    }
}
