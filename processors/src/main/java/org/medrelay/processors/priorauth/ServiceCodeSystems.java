package org.medrelay.processors.priorauth;

import java.util.Map;

/** The short names the requirements table uses for the code systems orders carry, by their FHIR system URI. */
final class ServiceCodeSystems {

    private static final Map<String, String> BY_URI = Map.of(
            "http://www.ama-assn.org/go/cpt", "CPT",
            "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "HCPCS",
            "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "HCPCS",
            "http://www.nlm.nih.gov/research/umls/rxnorm", "RXNORM",
            "http://hl7.org/fhir/sid/ndc", "NDC",
            "http://loinc.org", "LOINC",
            "http://snomed.info/sct", "SNOMED");

    private ServiceCodeSystems() {
    }

    /** The short name, or the URI itself (matched only by {@code *}) when the system is not one the table names. */
    static String shortName(String uri) {
        return uri == null || uri.isEmpty() ? "" : BY_URI.getOrDefault(uri, uri);
    }
}
