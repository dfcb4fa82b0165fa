package org.medrelay.processors.deid;

import java.util.HashMap;
import java.util.Map;

/** deid/x12-qualifiers.tsv: who an NM1/N1 loop is about, and what REF02 and NM109 hold. */
final class X12Rules {

    enum Party { PERSON, PRACTITIONER, ORGANIZATION, CLAIM }

    private final Map<String, Party> parties = new HashMap<>();
    private final Map<String, IdentifierKind> references = new HashMap<>();
    private final Map<String, IdentifierKind> ids = new HashMap<>();

    X12Rules() {
        for (String[] row : RuleFile.rows("x12-qualifiers.tsv")) {
            switch (row[0]) {
                case "party" -> parties.put(row[1], Party.valueOf(row[2]));
                case "ref" -> references.put(row[1], IdentifierKind.valueOf(row[2]));
                case "id" -> ids.put(row[1], IdentifierKind.valueOf(row[2]));
                default -> throw new IllegalStateException("x12-qualifiers.tsv: unknown row kind " + row[0]);
            }
        }
    }

    /** The party an NM1 (NM101, NM102) or N1 (N101, "") segment names. */
    Party party(String entityCode, String entityType) {
        Party listed = parties.get(entityCode.strip());
        if (listed != null) {
            return listed;
        }
        return "1".equals(entityType.strip()) ? Party.PRACTITIONER : Party.ORGANIZATION;
    }

    IdentifierKind reference(String qualifier) {
        return references.getOrDefault(qualifier.strip(), IdentifierKind.OTHER_ID);
    }

    IdentifierKind id(String qualifier) {
        return ids.getOrDefault(qualifier.strip(), IdentifierKind.OTHER_ID);
    }
}
