package org.medrelay.processors.refill;

import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.OperatingMode;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemIntake;
import org.medrelay.processors.review.WorkItemStore;

import java.sql.SQLException;
import java.time.Clock;

/**
 * Hands refill work items to {@link WorkItemIntake}, except that a controlled substance's item is never released
 * without the prescriber: in a live workflow it waits for review like in review mode (in shadow mode it stays
 * shadow, which releases nothing). The suite's low confidence alone would not do: live-confidence is configurable.
 */
public final class ControlledSubstanceIntake {

    private final WorkItemIntake intake;
    private final WorkItemStore store;
    private final OperatingModes modes;
    private final Clock clock;

    public ControlledSubstanceIntake(WorkItemIntake intake, WorkItemStore store, OperatingModes modes, Clock clock) {
        this.intake = intake;
        this.store = store;
        this.modes = modes;
        this.clock = clock;
    }

    public WorkItem accept(NewWorkItem item, boolean controlled) throws SQLException {
        if (controlled && modes.modeOf(item.workflow()) == OperatingMode.LIVE) {
            return store.create(item, OperatingMode.REVIEW, clock.instant());
        }
        return intake.accept(item);
    }
}
