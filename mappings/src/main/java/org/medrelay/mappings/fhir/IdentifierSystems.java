package org.medrelay.mappings.fhir;

import java.util.regex.Pattern;

/**
 * Turns an HL7 assigning authority into a FHIR identifier system, in this order: the authorities
 * table of settings.yml (by namespace id, then universal id); an ISO OID as {@code urn:oid:};
 * a URI or UUID universal id as is; an unknown namespace through {@code authoritySystem}
 * ({@code urn:medrelay:hl7:id:<authority>}); with no authority, the identifier type table (SS is a
 * US SSN) and last the sending facility through {@code facilitySystem}.
 */
final class IdentifierSystems {

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._~-]+");

    private final MappingSettings settings;

    IdentifierSystems(MappingSettings settings) {
        this.settings = settings;
    }

    String system(String namespace, String universalId, String universalIdType, String identifierType,
                  String facility) {
        String mapped = lookup(namespace);
        if (mapped == null) {
            mapped = lookup(universalId);
        }
        if (mapped != null) {
            return mapped;
        }
        if (!universalId.isEmpty()) {
            String type = universalIdType.toUpperCase(java.util.Locale.ROOT);
            if (type.equals("ISO") || type.isEmpty() && OID.matcher(universalId).matches()) {
                return "urn:oid:" + universalId;
            }
            if (type.equals("URI") || type.equals("URL")) {
                return universalId;
            }
            if (type.equals("UUID")) {
                return "urn:uuid:" + universalId;
            }
        }
        String authority = !namespace.isEmpty() ? namespace : universalId;
        if (!authority.isEmpty()) {
            return settings.authoritySystem().replace("{authority}", uriSafe(authority));
        }
        String byType = settings.typeSystems().get(identifierType.toUpperCase(java.util.Locale.ROOT));
        if (byType != null) {
            return byType;
        }
        return settings.facilitySystem().replace("{facility}", uriSafe(facility));
    }

    /** The system of identifiers MedRelay makes up for resources whose segment carries none. */
    String derivedSystem(String facility) {
        return settings.derivedSystem().replace("{facility}", uriSafe(facility));
    }

    private String lookup(String key) {
        if (key.isEmpty()) {
            return null;
        }
        String exact = settings.authorities().get(key);
        return exact != null ? exact : settings.authorities().get(key.toUpperCase(java.util.Locale.ROOT));
    }

    /** Authority names hold spaces and punctuation ("FACILITY ID"); a URN needs neither. */
    static String uriSafe(String text) {
        String safe = UNSAFE.matcher(text.trim()).replaceAll("-");
        return safe.isEmpty() ? "unknown" : safe;
    }
}
