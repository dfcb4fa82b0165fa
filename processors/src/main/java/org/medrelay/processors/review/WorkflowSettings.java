package org.medrelay.processors.review;

/**
 * One workflow's configuration, from {@code medrelay.workflow.<name>.*} (see {@link WorkflowProperties}).
 *
 * @param configuredMode the mode in the properties; a switch recorded by {@link ModeSwitch} overrides it
 * @param liveConfidence in live mode, results with at least this confidence are released without review
 * @param releaseUri     the Camel endpoint approved drafts are released to
 */
public record WorkflowSettings(String workflow, OperatingMode configuredMode, double liveConfidence, String releaseUri) {
}
