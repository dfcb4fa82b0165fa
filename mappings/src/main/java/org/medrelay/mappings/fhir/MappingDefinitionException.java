package org.medrelay.mappings.fhir;

/**
 * A mapping file that cannot be used: names the file and the key, so the interface engineer who
 * edited it can fix it. A programming or configuration error, not bad input, hence unchecked.
 */
public class MappingDefinitionException extends RuntimeException {

    public MappingDefinitionException(String file, String problem) {
        super(file + ": " + problem);
    }

    public MappingDefinitionException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
