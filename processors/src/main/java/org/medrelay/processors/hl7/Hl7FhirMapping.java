package org.medrelay.processors.hl7;

import org.apache.camel.Exchange;
import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;
import org.medrelay.mappings.hl7v2.Hl7InputException;

import java.nio.file.Path;

/**
 * Parses an accepted message fully and maps it to a FHIR transaction Bundle with the declarative
 * mappings in {@code mappings/} (or the override folder an interface engineer configured).
 */
public class Hl7FhirMapping {

    private final Hl7ToFhirMapper mapper;

    /** @param overrides folder with hl7/message and hl7/resource YAML overriding the built-in mappings, or null */
    public Hl7FhirMapping(Path overrides) {
        this.mapper = overrides == null ? new Hl7ToFhirMapper() : new Hl7ToFhirMapper(overrides);
    }

    public Bundle map(Exchange exchange) throws Hl7InputException {
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        return mapper.toBundle(raw);
    }
}
