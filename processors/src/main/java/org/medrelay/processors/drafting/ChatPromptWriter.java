package org.medrelay.processors.drafting;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the prompt for a model endpoint from one request: the record goes as FHIR R4 JSON, one resource per
 * line, exactly the resources of the request's one patient (already de-identified when the endpoint may not see
 * PHI). The model is asked to mark what it lacks as {@code [MISSING: what]}, as templates do, so a reviewer finds
 * gaps the same way whichever backend drafted.
 */
final class ChatPromptWriter {

    private static final Pattern MISSING = Pattern.compile("\\[MISSING: ([^\\]]{1,80})]");

    private final IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);

    ChatPrompt write(DraftKind kind, String date, List<Resource> record, String instructions) {
        String system = "You draft administrative documents for a medical practice; a person reviews every draft"
                + " before it is used. Draft a " + kind.code().replace('-', ' ') + " in plain text, dated " + date
                + ". Use only facts from the patient record you are given. Where a fact the document needs is not"
                + " in the record, write [MISSING: what] instead of inventing it. Copy tokens in square brackets,"
                + " such as [NAME-12345], exactly as they are written.";
        StringBuilder user = new StringBuilder();
        if (!instructions.isEmpty()) {
            user.append("Instructions: ").append(instructions).append("\n\n");
        }
        user.append("Patient record (FHIR R4 resources, one JSON object per line):\n");
        for (Resource resource : record) {
            user.append(json.encodeResourceToString(resource)).append('\n');
        }
        return new ChatPrompt(system, user.toString());
    }

    /** The gaps a reply marked with {@code [MISSING: what]}, in order, once each. */
    static List<String> missingIn(String reply) {
        Matcher m = MISSING.matcher(reply);
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        while (m.find()) {
            names.add(m.group(1).strip());
        }
        return List.copyOf(names);
    }
}
