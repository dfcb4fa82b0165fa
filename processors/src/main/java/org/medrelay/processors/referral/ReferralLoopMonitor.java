package org.medrelay.processors.referral;

import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@code referral-loops} timer's step: every open loop whose next follow-up is due gets a follow-up work item (a
 * reminder drafted to the referred-to provider), until it has had {@code follow-ups-before-alert} of them at its stage;
 * the next due time raises the stall alert instead. State is in the store, so a restart picks up where it was.
 */
public class ReferralLoopMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralLoopMonitor.class);

    private final ReferralLoops loops;
    private final ReferralWorkItems workItems;
    private final WorkItemIntake intake;
    private final ReferralSettings settings;
    private final Clock clock;

    public ReferralLoopMonitor(ReferralLoops loops, ReferralWorkItems workItems, WorkItemIntake intake,
                               ReferralSettings settings, Clock clock) {
        this.loops = loops;
        this.workItems = workItems;
        this.intake = intake;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the work items made (follow-ups and alerts) */
    public int check() throws SQLException {
        Instant now = clock.instant();
        int made = 0;
        for (ReferralLoop loop : loops.due(now)) {
            // Claimed first, then the item: two engines never both send one; a crash between loses one reminder,
            // and the next due time still comes (or the alert).
            if (loop.followUpsSent() < settings.followUpsBeforeAlert()) {
                if (loops.followedUp(loop, now.plus(settings.followUpAfter(loop.stage())))) {
                    WorkItem item = intake.accept(workItems.followUp(loop, loop.followUpsSent() + 1));
                    LOG.info("Referral loop {} at stage {}: follow-up {} as work item {}", loop.id(), loop.stage().code(),
                            loop.followUpsSent() + 1, item.id());
                    made++;
                }
            } else if (loops.alerted(loop, now)) {
                WorkItem item = intake.accept(workItems.stalled(loop, loop.followUpsSent()));
                LOG.info("Referral loop {} stalled at stage {}: alert work item {}", loop.id(), loop.stage().code(), item.id());
                made++;
            }
        }
        return made;
    }
}
