package org.medrelay.processors.deid;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** deid/identifier-types.tsv: HL7 table 0203 codes, FHIR systems and resource types to the kind of identifier. */
final class IdentifierTypes {

    private final Map<String, IdentifierKind> kinds = new HashMap<>();

    IdentifierTypes() {
        for (String[] row : RuleFile.rows("identifier-types.tsv")) {
            kinds.put(row[0].toLowerCase(Locale.ROOT), IdentifierKind.valueOf(row[1]));
        }
    }

    /** Kind for a table 0203 type code (CX-5, Identifier.type), or null. */
    IdentifierKind byTypeCode(String code) {
        return code == null || code.isBlank() ? null : kinds.get("v2-0203:" + code.strip().toLowerCase(Locale.ROOT));
    }

    IdentifierKind bySystem(String system) {
        return system == null ? null : kinds.get("system:" + system.strip().toLowerCase(Locale.ROOT));
    }

    IdentifierKind byResource(String resourceType) {
        return kinds.get("resource:" + resourceType.toLowerCase(Locale.ROOT));
    }
}
