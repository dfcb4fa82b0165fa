package org.medrelay.processors.audit;

/**
 * Who an audit entry names: {@code system:<component>} for what the suite does by itself, {@code os:<user>}
 * for a person at the command line (the operating-system account; each person has their own), and later
 * the user id of a person signed in to the console.
 */
public final class AuditActors {

    private AuditActors() {
    }

    /** @param component the part of the suite acting, e.g. a route id such as {@code hl7-process} */
    public static String system(String component) {
        return "system:" + component;
    }

    /** The person running this process, by operating-system account. */
    public static String osUser() {
        return "os:" + System.getProperty("user.name", "unknown");
    }

    public static boolean isSystem(String actor) {
        return actor.startsWith("system:");
    }
}
