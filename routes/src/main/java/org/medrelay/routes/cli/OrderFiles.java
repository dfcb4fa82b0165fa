package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.mappings.fhir.Hl7ToFhirMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An order file as the prior-authorization commands take it: an HL7v2 order (mapped as the engine maps it, one Bundle
 * per message) or FHIR JSON (a Bundle, or one resource wrapped in one). A parse failure of the JSON is a HAPI
 * {@code DataFormatException}.
 */
final class OrderFiles {

    private OrderFiles() {
    }

    static List<Bundle> read(Path file) throws Exception {
        byte[] content = Files.readAllBytes(file);
        String text = new String(content, StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
        if (text.startsWith("MSH")) {
            Hl7ToFhirMapper mapper = new Hl7ToFhirMapper();
            List<Bundle> bundles = new ArrayList<>();
            for (byte[] message : Hl7MessageFiles.split(content, file.toString())) {
                bundles.add(mapper.toBundle(message));
            }
            return bundles;
        }
        IBaseResource resource = FhirContext.forR4Cached().newJsonParser().parseResource(text);
        if (resource instanceof Bundle bundle) {
            return List.of(bundle);
        }
        return List.of(new Bundle().addEntry(new Bundle.BundleEntryComponent().setResource((Resource) resource)));
    }
}
