package org.medrelay.processors.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medrelay.mappings.x12.EligibilityInquiry;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An {@link EligibilityCheck} as the eligibility_request.payload column holds it: JSON, sealed by the
 * {@link PayloadCipher} (AES-256-GCM when encryption at rest is on) and bound to its request's trace number, so a
 * payload moved to another row does not open.
 */
final class EligibilityCheckPayload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PayloadCipher cipher;

    EligibilityCheckPayload(PayloadCipher cipher) {
        this.cipher = cipher;
    }

    static PayloadBinding binding(String traceNumber) {
        return new PayloadBinding("eligibility-request", traceNumber);
    }

    byte[] seal(EligibilityCheck check, String traceNumber) {
        ObjectNode root = JSON.createObjectNode()
                .put("patientKey", check.patientKey())
                .put("patientReference", check.patientReference())
                .put("appointmentKey", check.appointmentKey())
                .put("sourceMessageKey", check.sourceMessageKey())
                .put("dueAt", check.dueAt().toString())
                .put("askedAgain", check.askedAgain());
        root.putObject("payer").put("name", check.payer().name()).put("idQualifier", check.payer().idQualifier())
                .put("id", check.payer().id());
        EligibilityInquiry.Subscriber s = check.subscriber();
        root.putObject("subscriber").put("lastName", s.lastName()).put("firstName", s.firstName()).put("memberId", s.memberId())
                .put("birthDate", s.birthDate() == null ? null : s.birthDate().toString()).put("gender", s.gender());
        EligibilityInquiry.Dependent d = check.dependent();
        if (d != null) {
            root.putObject("dependent").put("lastName", d.lastName()).put("firstName", d.firstName())
                    .put("birthDate", d.birthDate() == null ? null : d.birthDate().toString()).put("gender", d.gender())
                    .put("relationship", d.relationship());
        }
        root.putObject("visit").put("date", check.visit().date().toString()).put("serviceType", check.visit().serviceType())
                .put("expectedCharge", check.visit().expectedCharge().toPlainString());
        try {
            return cipher.seal(JSON.writeValueAsBytes(root), binding(traceNumber));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EligibilityCheck open(byte[] stored, String traceNumber) {
        try {
            JsonNode root = JSON.readTree(cipher.open(stored, binding(traceNumber)));
            JsonNode payer = root.get("payer");
            JsonNode s = root.get("subscriber");
            JsonNode visit = root.get("visit");
            return new EligibilityCheck(root.get("patientKey").asText(), root.get("patientReference").asText(),
                    text(root, "appointmentKey"), text(root, "sourceMessageKey"),
                    new EligibilityInquiry.InformationSource(payer.get("name").asText(), payer.get("idQualifier").asText(), payer.get("id").asText()),
                    new EligibilityInquiry.Subscriber(s.get("lastName").asText(), s.get("firstName").asText(), s.get("memberId").asText(),
                            s.hasNonNull("birthDate") ? LocalDate.parse(s.get("birthDate").asText()) : null, s.get("gender").asText()),
                    new Visit(LocalDate.parse(visit.get("date").asText()), visit.get("serviceType").asText(),
                            new BigDecimal(visit.get("expectedCharge").asText())),
                    Instant.parse(root.get("dueAt").asText()), root.get("askedAgain").asBoolean(), dependent(root.get("dependent")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EligibilityInquiry.Dependent dependent(JsonNode d) {
        return d == null || d.isNull() ? null : new EligibilityInquiry.Dependent(d.get("lastName").asText(), d.get("firstName").asText(),
                d.hasNonNull("birthDate") ? LocalDate.parse(d.get("birthDate").asText()) : null, text(d, "gender"),
                d.get("relationship").asText());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
