package org.medrelay.processors.refill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The {@code medrelay.refill.*} properties (documented with their defaults in the engine's
 * {@code medrelay-defaults.properties}): the protocol table and how long the prescriber and scheduling have.
 *
 * @param protocolsFile    the practice's protocol table, or null for the built-in one
 * @param signOffWithin    due date of a refill work item in the clinician queue
 * @param schedulingWithin due date of a scheduling work item (a visit a refill waits for)
 */
public record RefillSettings(Path protocolsFile, Duration signOffWithin, Duration schedulingWithin) {

    public static RefillSettings from(Function<String, String> property) {
        String file = property.apply("medrelay.refill.protocols-file");
        return new RefillSettings(file == null || file.isBlank() ? null : Path.of(file.strip()),
                Duration.parse(property.apply("medrelay.refill.sign-off-within")),
                Duration.parse(property.apply("medrelay.refill.scheduling-within")));
    }
}
