package org.medrelay.mappings.fhir;

import java.time.ZoneId;
import java.util.Map;

/**
 * The settings of {@code hl7/settings.yml}: how assigning authorities become identifier systems,
 * and the time zone of senders' local times.
 *
 * @param authorities     assigning authority (CX-4.1 namespace or CX-4.2 universal id) to system URI
 * @param typeSystems     identifier type code (CX-5) to system, used when there is no authority (SS)
 * @param authoritySystem system for an authority not in the table; {authority} is replaced
 * @param facilitySystem  system for an identifier without authority; {facility} is MSH-4 (or MSH-3)
 * @param derivedSystem   system of the identifiers MedRelay derives when a message carries none
 * @param timeZone        zone of HL7 times that carry no offset
 */
record MappingSettings(Map<String, String> authorities, Map<String, String> typeSystems, String authoritySystem,
                       String facilitySystem, String derivedSystem, ZoneId timeZone) {
}
