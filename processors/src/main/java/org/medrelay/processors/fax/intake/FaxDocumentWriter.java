package org.medrelay.processors.fax.intake;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.fax.FaxClassification;
import org.medrelay.processors.fax.FaxFields;
import org.medrelay.processors.fax.FaxType;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.medrelay.processors.review.PatientRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Files a fax on its patient's chart as a FHIR DocumentReference, through the audited writer: the original PDF or
 * TIFF as the content, {@code type} the fax type ({@value #TYPE_SYSTEM}, with the LOINC document type where one fits),
 * {@code category} {@value #CATEGORY_SYSTEM}|fax, the sender's fax number and page count in {@code description}, the
 * provider named on the fax as {@code author} (display only), the payer reference as a related identifier and the
 * dates read off the fax as {@code context.period}. Written as a conditional update on {@value #FAX_SYSTEM}|the fax's
 * SHA-256, so a fax taken up again after a failure updates the same resource.
 */
public class FaxDocumentWriter {

    public static final String FAX_SYSTEM = "urn:medrelay:fax";
    public static final String TYPE_SYSTEM = "urn:medrelay:fax-type";
    public static final String CATEGORY_SYSTEM = "urn:medrelay:document-category";
    public static final String PAYER_REFERENCE_SYSTEM = "urn:medrelay:fax:payer-reference";
    private static final String LOINC = "http://loinc.org";
    /** LOINC document types for the fax types that have one. */
    private static final Map<FaxType, String[]> LOINC_TYPES = Map.of(
            FaxType.LAB_RESULT, new String[]{"11502-2", "Laboratory report"},
            FaxType.IMAGING_REPORT, new String[]{"18748-4", "Diagnostic imaging study"},
            FaxType.REFERRAL, new String[]{"57133-1", "Referral note"});
    private final AuditedFhirWriter writer;

    public FaxDocumentWriter(AuditedFhirWriter writer) {
        this.writer = writer;
    }

    /** @return the server id, {@code DocumentReference/<id>} */
    public String file(Path fax, String fileName, String sha256, FaxSidecar sidecar, Instant receivedAt,
                       FaxClassification classification, int pages, PatientRef patient, AuditSubject subject)
            throws IOException, SQLException {
        DocumentReference document = new DocumentReference();
        document.setMasterIdentifier(new Identifier().setSystem(FAX_SYSTEM).setValue(sha256));
        document.addIdentifier().setSystem(FAX_SYSTEM).setValue(sha256);
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(type(classification.type()));
        document.addCategory().addCoding().setSystem(CATEGORY_SYSTEM).setCode("fax").setDisplay("Inbound fax");
        document.setSubject(new Reference(patient.reference()));
        Instant received = sidecar.received().orElse(receivedAt);
        document.setDate(Date.from(received));
        document.setDescription("Fax" + sidecar.senderFax().map(n -> " from " + n).orElse("") + ", " + pages + " page(s), "
                + classification.type().word() + String.format(Locale.ROOT, " (confidence %.2f)", classification.confidence()));
        FaxFields fields = classification.fields();
        if (fields.provider() != null) {
            document.addAuthor().setDisplay(fields.provider());
        }
        if (fields.payerReference() != null) {
            document.getContext().addRelated().setIdentifier(new Identifier().setSystem(PAYER_REFERENCE_SYSTEM)
                    .setValue(fields.payerReference())).setDisplay("payer reference");
        }
        if (!fields.dates().isEmpty()) {
            LocalDate first = fields.dates().stream().min(Comparator.naturalOrder()).orElseThrow();
            LocalDate last = fields.dates().stream().max(Comparator.naturalOrder()).orElseThrow();
            document.getContext().setPeriod(new Period().setStartElement(new DateTimeType(first.toString()))
                    .setEndElement(new DateTimeType(last.toString())));
        }
        byte[] original = Files.readAllBytes(fax);
        Attachment attachment = document.addContent().getAttachment();
        attachment.setContentType(contentType(fileName)).setData(original).setSize(original.length).setTitle(fileName)
                .setCreation(Date.from(received));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setResource(document).getRequest().setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("DocumentReference?identifier=" + FAX_SYSTEM + "|" + sha256);
        return writer.write(bundle, subject).get(0);
    }

    static CodeableConcept type(FaxType type) {
        CodeableConcept concept = new CodeableConcept();
        String[] loinc = LOINC_TYPES.get(type);
        if (loinc != null) {
            concept.addCoding().setSystem(LOINC).setCode(loinc[0]).setDisplay(loinc[1]);
        }
        concept.addCoding().setSystem(TYPE_SYSTEM).setCode(type.word());
        return concept.setText(type.word());
    }

    /** By the file's extension, as fax servers name them: {@code application/pdf} or {@code image/tiff}. */
    static String contentType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tif") || lower.endsWith(".tiff") ? "image/tiff" : "application/pdf";
    }
}
