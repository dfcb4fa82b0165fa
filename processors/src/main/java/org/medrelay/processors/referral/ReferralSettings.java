package org.medrelay.processors.referral;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code medrelay.referrals.*} properties (documented with their defaults in the engine's
 * {@code medrelay-defaults.properties}).
 *
 * @param intakeRulesFile      the practice's intake rules, or null for the built-in table
 * @param practiceNpis         the practice's providers: a REF^I12 one of them refers from is outbound (a loop to track)
 * @param followUpAfter        per open stage, how long a loop waits there before a follow-up (and between follow-ups)
 * @param followUpsBeforeAlert follow-ups at one stage before the next due time raises the stall alert instead
 * @param scheduleWithin       due date of an inbound referral's scheduling work item
 * @param replyWithin          due date of a letter to another provider (missing information, follow-up) and of an alert
 */
public record ReferralSettings(Path intakeRulesFile, Set<String> practiceNpis, Map<ReferralStage, Duration> followUpAfter,
                               int followUpsBeforeAlert, Duration scheduleWithin, Duration replyWithin) {

    public ReferralSettings {
        practiceNpis = Set.copyOf(practiceNpis);
        followUpAfter = Map.copyOf(followUpAfter);
        if (followUpsBeforeAlert < 0) {
            throw new IllegalArgumentException("medrelay.referrals.follow-ups-before-alert must be 0 or more");
        }
    }

    public static ReferralSettings from(Function<String, String> property) {
        String file = property.apply("medrelay.referrals.intake-rules-file");
        Map<ReferralStage, Duration> after = new EnumMap<>(ReferralStage.class);
        for (ReferralStage stage : ReferralStage.values()) {
            if (!stage.closes()) {
                after.put(stage, Duration.parse(property.apply("medrelay.referrals.follow-up." + stage.code()).strip()));
            }
        }
        String npis = property.apply("medrelay.referrals.practice-npis");
        return new ReferralSettings(file == null || file.isBlank() ? null : Path.of(file.strip()),
                npis == null ? Set.of() : Arrays.stream(npis.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()),
                after, Integer.parseInt(property.apply("medrelay.referrals.follow-ups-before-alert").strip()),
                Duration.parse(property.apply("medrelay.referrals.schedule-within").strip()),
                Duration.parse(property.apply("medrelay.referrals.reply-within").strip()));
    }

    Duration followUpAfter(ReferralStage stage) {
        return followUpAfter.get(stage);
    }
}
