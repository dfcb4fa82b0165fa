package org.medrelay.processors.review;

import java.sql.SQLException;

/**
 * A workflow's operating mode now: the last switch recorded in the store, or, if it was never switched, the
 * configured {@code medrelay.workflow.<name>.mode}. Read from the store each time, so a switch made by another
 * engine on the same store applies at once.
 */
public class OperatingModes {

    private final WorkflowProperties properties;
    private final ModeChangeLog changes;

    public OperatingModes(WorkflowProperties properties, ModeChangeLog changes) {
        this.properties = properties;
        this.changes = changes;
    }

    public OperatingMode modeOf(String workflow) throws SQLException {
        WorkflowSettings settings = properties.settingsFor(workflow);
        return changes.latest(workflow).map(ModeChange::to).orElse(settings.configuredMode());
    }

    public WorkflowSettings settingsFor(String workflow) {
        return properties.settingsFor(workflow);
    }
}
