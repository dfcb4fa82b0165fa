package org.medrelay.processors.fhir;

/**
 * One resource written to the EHR.
 *
 * @param serverId    the resource's id on the server, {@code Type/id}
 * @param interaction what the server did with it
 */
public record FhirWrite(String serverId, FhirInteraction interaction) {
}
