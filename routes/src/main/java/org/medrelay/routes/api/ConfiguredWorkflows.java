package org.medrelay.routes.api;

import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.routes.engine.EngineProperties;

import java.util.List;

/** The workflows the configuration names ({@code medrelay.workflow.<name>.mode}), for the scorecard, sorted. */
final class ConfiguredWorkflows {

    private ConfiguredWorkflows() {
    }

    static List<String> of(EngineProperties props) {
        return props.asProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith(WorkflowProperties.PREFIX) && key.endsWith(WorkflowProperties.MODE_SUFFIX))
                .map(key -> key.substring(WorkflowProperties.PREFIX.length(),
                        key.length() - WorkflowProperties.MODE_SUFFIX.length()))
                .filter(name -> !name.equals("default") && !name.contains("."))
                .sorted()
                .toList();
    }
}
