package org.medrelay.routes.engine;

import org.apache.camel.main.Main;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.referral.IntakeRules;
import org.medrelay.processors.referral.ReferralLoopMonitor;
import org.medrelay.processors.referral.ReferralLoops;
import org.medrelay.processors.referral.ReferralSettings;
import org.medrelay.processors.referral.ReferralTracker;
import org.medrelay.processors.referral.ReferralTriage;
import org.medrelay.processors.referral.ReferralTrigger;
import org.medrelay.processors.referral.ReferralWorkItems;
import org.medrelay.processors.review.WorkItemIntake;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The referral beans, built from {@code medrelay.referrals.*}: {@code referralTrigger} for {@code hl7-process} and
 * {@code referralLoopMonitor} for the {@code referral-loops} timer. The intake rules are read here, so a malformed row
 * stops the engine at start, naming its line.
 */
final class ReferralComponents {

    private static final String COMPONENT = "referrals";

    private ReferralComponents() {
    }

    static void bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, WorkItemIntake intake,
                     Clock clock) {
        ReferralSettings settings = ReferralSettings.from(props.asProperties()::getProperty);
        ReferralLoops loops = new ReferralLoops(store);
        ReferralWorkItems workItems = new ReferralWorkItems(settings.scheduleWithin(), settings.replyWithin(), clock);
        main.bind("referralTrigger", new ReferralTrigger(new ReferralTriage(IntakeRules.load(settings.intakeRulesFile())),
                workItems, intake, new ReferralTracker(loops, settings, auditTrail, clock), settings.practiceNpis(),
                AuditActors.system(COMPONENT)));
        main.bind("referralLoopMonitor", new ReferralLoopMonitor(loops, workItems, intake, settings, clock));
    }
}
