package org.medrelay.mappings.fhir;

import java.util.Locale;
import java.util.Map;

/**
 * A code translation from an HL7 table to a FHIR value set, e.g. table 0001 sex to
 * AdministrativeGender. Lookup ignores case: senders mix it.
 *
 * @param defaultValue the value for codes the table does not list, or null to drop them
 */
record CodeTable(String name, Map<String, String> codes, String defaultValue) {

    String lookup(String code) {
        return codes.getOrDefault(code.toUpperCase(Locale.ROOT), defaultValue);
    }
}
