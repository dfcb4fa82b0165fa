package org.medrelay.mappings.fhir;

import java.util.List;
import java.util.Set;

/**
 * A compiled message mapping: which message type and events it covers, and the resources to build.
 */
record MessageMapping(String file, String messageType, Set<String> events, List<ResourceMapping> resources) {

    boolean covers(String event) {
        return events.contains(event) || events.contains("*");
    }
}
