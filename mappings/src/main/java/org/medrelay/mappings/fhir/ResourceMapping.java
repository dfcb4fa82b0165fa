package org.medrelay.mappings.fhir;

import java.util.Set;

/**
 * One line of a message mapping: build a {@code resourceType} with {@code template} from every
 * {@code segment} of the message.
 *
 * @param with     segments that belong to the one that follows (IN2 after IN1, OBR after ORC): read
 *                 forward up to the next {@code segment}; every other segment is read from the
 *                 nearest one before (the PID of a PV1, the OBR of an OBX)
 * @param required refuse the message when it has no such segment
 * @param when     build only from the segments for which this holds
 */
record ResourceMapping(String resourceType, String template, String segment, Set<String> with, boolean required,
                       Condition when) {
}
