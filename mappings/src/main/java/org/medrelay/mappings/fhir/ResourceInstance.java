package org.medrelay.mappings.fhir;

/**
 * One resource to build from one segment: which mapping line, where its segment is, and how far
 * its region reaches (up to the next segment of the same name), which decides what it owns.
 *
 * @param primary   0-based index of its segment in the message
 * @param regionEnd 0-based index of the next segment of the same name, or the message size
 * @param fullUrl   {@code urn:uuid:...} of its bundle entry
 */
record ResourceInstance(ResourceMapping mapping, int primary, int regionEnd, String fullUrl) {

    boolean owns(ResourceInstance other) {
        return other.primary > primary && other.primary < regionEnd;
    }
}
