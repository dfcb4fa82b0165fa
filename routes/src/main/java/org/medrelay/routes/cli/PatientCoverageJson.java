package org.medrelay.routes.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.eligibility.EligibilitySettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code --patient-json} file of {@code medrelay eligibility request}: one patient and their coverage (shape in
 * the README, "Eligibility"). The provider, TRN03 and default service types come from the configuration.
 */
final class PatientCoverageJson {

    private PatientCoverageJson() {
    }

    static EligibilityInquiry read(Path file, EligibilitySettings settings) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode payer = required(root, "payer");
        String payerId = text(required(payer, "id"));
        EligibilityInquiry.InformationSource configured = settings.payer(payerId);
        EligibilityInquiry.InformationSource source = new EligibilityInquiry.InformationSource(
                payer.hasNonNull("name") ? payer.get("name").asText() : configured.name(),
                payer.hasNonNull("idQualifier") ? payer.get("idQualifier").asText() : configured.idQualifier(), payerId);
        JsonNode subscriber = required(root, "subscriber");
        EligibilityInquiry.Subscriber insured = new EligibilityInquiry.Subscriber(text(required(subscriber, "lastName")),
                optional(subscriber, "firstName"), text(required(subscriber, "memberId")), date(subscriber, "birthDate"),
                optional(subscriber, "gender"));
        Optional<EligibilityInquiry.Dependent> dependent = Optional.ofNullable(root.get("dependent")).map(d ->
                new EligibilityInquiry.Dependent(text(required(d, "lastName")), optional(d, "firstName"), date(d, "birthDate"),
                        optional(d, "gender"), d.hasNonNull("relationship") ? d.get("relationship").asText() : "19"));
        List<String> serviceTypes = new ArrayList<>();
        Optional.ofNullable(root.get("serviceTypes")).ifPresent(types -> types.forEach(t -> serviceTypes.add(t.asText())));
        LocalDate dateOfService = root.hasNonNull("dateOfService") ? LocalDate.parse(root.get("dateOfService").asText()) : LocalDate.now();
        String trace = root.hasNonNull("traceNumber") ? root.get("traceNumber").asText()
                : UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
        return new EligibilityInquiry(source, settings.provider(), insured, dependent,
                serviceTypes.isEmpty() ? settings.serviceTypes() : serviceTypes, dateOfService, trace, settings.traceOriginator());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("patient JSON: \"" + field + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node.asText();
    }

    private static String optional(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }
}
