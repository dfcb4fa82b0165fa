package org.medrelay.mappings.fhir;

import java.util.List;
import java.util.Map;

/**
 * A compiled resource or datatype template: the FHIR type it builds and a rule list per element.
 *
 * @param file     where it was loaded from, for error messages
 * @param fhirType e.g. Patient, HumanName
 */
record ElementTemplate(String file, String fhirType, Map<String, List<Rule>> elements) {
}
