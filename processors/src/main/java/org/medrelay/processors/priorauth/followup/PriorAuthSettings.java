package org.medrelay.processors.priorauth.followup;

import java.time.Duration;

/**
 * The follow-up's timings, from {@code medrelay.priorauth.*}: how long the clinician has to sign a draft
 * ({@code sign-off-hours}, 24) or answer a payer's request for more information ({@code more-info-hours}, 48), and
 * the appeal window a denial's work item is due within ({@code appeal-window-days}, 30: the shortest common payer
 * window; a payer's own letter may give more).
 */
public record PriorAuthSettings(Duration signOff, Duration moreInfo, Duration appealWindow) {

    public static final PriorAuthSettings DEFAULTS = new PriorAuthSettings(Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofDays(30));
}
